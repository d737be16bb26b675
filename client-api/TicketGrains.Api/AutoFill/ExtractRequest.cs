namespace TicketGrains.Api.AutoFill;

/// <summary>The JSON body of POST /api/v1/extract: the text to find fields in.</summary>
public sealed record ExtractRequest(string? Text);
