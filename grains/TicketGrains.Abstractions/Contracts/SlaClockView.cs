namespace TicketGrains.Abstractions.Contracts;

/// <summary>One running SLA clock of a ticket; <see cref="PausedSince"/> is set while its metric does not count.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaClockView")]
public sealed record class SlaClockView(
    [property: Id(0)] string Metric,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] DateTimeOffset? PausedSince,
    [property: Id(3)] DateTimeOffset? BreachedAt);
