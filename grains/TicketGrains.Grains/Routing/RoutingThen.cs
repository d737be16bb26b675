namespace TicketGrains.Grains.Routing;

/// <summary>What a matching routing rule sets: the queue, and optionally the priority, required skills and tags.</summary>
public sealed class RoutingThen
{
    public string? Queue { get; init; }
    public string? Priority { get; init; }
    public List<string>? Skills { get; init; }
    public List<string>? Tags { get; init; }
}
