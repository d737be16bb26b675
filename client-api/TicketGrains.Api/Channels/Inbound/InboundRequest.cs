namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// A platform's request to a channel's inbound address, as received: what an adapter verifies and reads. Headers are
/// looked up case-insensitively; the body is the raw bytes the signature was computed over.
/// </summary>
public sealed record InboundRequest(
    string Method,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
