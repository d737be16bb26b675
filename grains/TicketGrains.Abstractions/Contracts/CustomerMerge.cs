namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// One merge of two customers: <see cref="MergedId"/> answers as <see cref="SurvivorId"/> until it is un-merged. Recorded
/// on both customers' streams; <see cref="By"/> is the caller, or "linker" for a link the linker made.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.CustomerMerge")]
public sealed record class CustomerMerge
{
    [Id(0)] public required Guid MergeId { get; init; }
    [Id(1)] public required Guid SurvivorId { get; init; }
    [Id(2)] public required Guid MergedId { get; init; }
    [Id(3)] public required string By { get; init; }
    [Id(4)] public required string Reason { get; init; }
    [Id(5)] public required DateTimeOffset At { get; init; }
    [Id(6)] public DateTimeOffset? UnmergedAt { get; init; }
    [Id(7)] public string? UnmergedBy { get; init; }
}
