namespace TicketGrains.Abstractions.Contracts;

/// <summary>Where routing sent a ticket and why: the rule that matched (null for none) and what it set.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.RoutingDecision")]
public sealed record RoutingDecision(
    [property: Id(0)] string? RuleId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string Queue,
    [property: Id(3)] string? Priority,
    [property: Id(4)] IReadOnlyList<string> Skills,
    [property: Id(5)] IReadOnlyList<string> Tags);
