namespace TicketGrains.Abstractions.Contracts;

/// <summary>One metric of a ticket's plan: its target, in business or calendar seconds.</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaPlanTarget")]
public sealed record class SlaPlanTarget(
    [property: Id(0)] string Metric,
    [property: Id(1)] long Seconds,
    [property: Id(2)] bool BusinessHours);
