namespace TicketGrains.Api.Macros;

/// <summary>
/// A macro or canned reply: the reply text an agent puts in the reply box with one choice, whether it is an internal
/// note, and the status the ticket takes when it is sent (none: the status stays).
/// </summary>
public sealed record Macro(string Id, string Title, string Body, string? Status, bool Internal, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>The body of PUT /api/v1/macros/{id}.</summary>
public sealed record PutMacroRequest(string? Title, string? Body, string? Status, bool? Internal);
