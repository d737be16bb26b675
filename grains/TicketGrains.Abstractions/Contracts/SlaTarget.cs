namespace TicketGrains.Abstractions.Contracts;

/// <summary>One metric's target for one priority (or every priority when <see cref="Priority"/> is absent).</summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.SlaTarget")]
public sealed record class SlaTarget
{
    /// <summary>first_reply, next_reply, periodic_update, requester_wait, agent_work or total_resolution.</summary>
    [Id(0)] public string? Metric { get; init; }

    [Id(1)] public string? Priority { get; init; }

    [Id(2)] public long? Seconds { get; init; }

    /// <summary>Counted only within the policy's calendar hours (true) or around the clock (false).</summary>
    [Id(3)] public bool BusinessHours { get; init; }
}
