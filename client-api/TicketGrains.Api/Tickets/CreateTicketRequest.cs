namespace TicketGrains.Api.Tickets;

/// <summary>Body of POST /api/v1/tickets.</summary>
public sealed record CreateTicketRequest(
    string? Channel,
    CustomerRequest? Customer,
    string? Subject,
    string? Body,
    string? Category,
    string? Priority,
    Dictionary<string, string>? Fields);

/// <summary>Who the ticket is from: channel + external id (the channel defaults to the ticket's), with optional profile.</summary>
public sealed record CustomerRequest(
    string? Channel,
    string? ExternalId,
    string? Name,
    string? Phone,
    string? Email,
    string? Tier);
