namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A tenant's SLA policy (PUT /api/v1/sla-policies/{name}). Policies are tried in <see cref="Order"/> (then name) when a
/// ticket is created; the first whose conditions all hold decides the ticket's clocks. Members are nullable so a missing
/// one is reported by name instead of defaulted.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaPolicyDocument")]
public sealed record class SlaPolicyDocument
{
    /// <summary>Lower goes first.</summary>
    [Id(0)] public int Order { get; init; }

    /// <summary>Every listed condition must hold; an absent or empty list matches anything.</summary>
    [Id(1)] public SlaConditions? Conditions { get; init; }

    /// <summary>The calendar business-time targets count in; required when any target is in business hours.</summary>
    [Id(2)] public string? Calendar { get; init; }

    /// <summary>How long before a breach the warning fires (wall-clock seconds); none when absent.</summary>
    [Id(3)] public int? WarnBeforeSeconds { get; init; }

    [Id(4)] public IReadOnlyList<SlaTarget>? Targets { get; init; }

    /// <summary>What a breach does besides recording itself.</summary>
    [Id(5)] public SlaEscalation? Escalation { get; init; }
}
