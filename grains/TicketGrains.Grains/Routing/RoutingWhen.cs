namespace TicketGrains.Grains.Routing;

/// <summary>
/// What a routing rule matches. Every list given must contain the ticket's value (keywords: any one of them in the
/// subject or body); every field given must equal the ticket's; absent parts match everything.
/// </summary>
public sealed class RoutingWhen
{
    public List<string>? Categories { get; init; }
    public List<string>? Tiers { get; init; }
    public List<string>? Channels { get; init; }
    public List<string>? Languages { get; init; }
    public List<string>? Keywords { get; init; }
    public Dictionary<string, string>? Fields { get; init; }
    public BusinessHours? BusinessHours { get; init; }
}
