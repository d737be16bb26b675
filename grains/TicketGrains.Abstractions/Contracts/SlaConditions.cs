namespace TicketGrains.Abstractions.Contracts;

/// <summary>Which tickets a policy applies to: a ticket matches a list when its value is in it.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaConditions")]
public sealed record class SlaConditions
{
    [Id(0)] public IReadOnlyList<string>? Category { get; init; }
    [Id(1)] public IReadOnlyList<string>? Tier { get; init; }
    [Id(2)] public IReadOnlyList<string>? Channel { get; init; }
    [Id(3)] public IReadOnlyList<string>? Priority { get; init; }
}
