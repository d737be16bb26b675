using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Sla;

/// <summary>Decides the next SLA event of a ticket at an instant: a warning, a breach with its escalation, or nothing.</summary>
public static class SlaDecisions
{
    /// <summary>One event at a time: the caller appends it and asks again, so several clocks due together each fire once.</summary>
    public static IDomainEvent? Next(TicketState state, DateTimeOffset now)
    {
        if (!state.Exists || state.Sla.DueAt(now) is not { } due)
        {
            return null;
        }

        var clock = due.Clock;
        if (!due.Breach)
        {
            return new SlaWarned(clock.Metric, clock.DueAt, now);
        }

        var escalation = state.Sla.Plan?.Escalation;
        return new SlaBreached(
            clock.DueAt,
            now,
            clock.Metric,
            escalation is { RaisePriority: true } ? RaisedFrom(state.Priority) : null,
            escalation?.Queue is { } queue && queue != state.Queue ? queue : null,
            escalation?.Notify,
            escalation?.Webhook);
    }

    /// <summary>One priority up; null at the top.</summary>
    public static string? RaisedFrom(string priority)
    {
        var rank = TicketCatalog.PriorityRank(priority);
        return rank + 1 < TicketCatalog.Priorities.Count ? TicketCatalog.Priorities[rank + 1] : null;
    }
}
