namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// The SLA a ticket runs under, fixed when it is created and kept in its TicketCreated event: later edits of the policy
/// or calendar apply to tickets created after them, and a ticket's clocks replay the same from its log.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaPlan")]
public sealed record class SlaPlan
{
    /// <summary>The policy's name, or "default" for the targets from configuration (Sla:Urgent … Low).</summary>
    [Id(0)] public required string Policy { get; init; }
    [Id(1)] public int Version { get; init; }
    [Id(2)] public CalendarDocument? Calendar { get; init; }

    /// <summary>The targets for the ticket's priority, one per metric.</summary>
    [Id(3)] public required IReadOnlyList<SlaPlanTarget> Targets { get; init; }
    [Id(4)] public int? WarnBeforeSeconds { get; init; }
    [Id(5)] public SlaEscalation? Escalation { get; init; }
}
