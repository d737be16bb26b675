using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Live;

/// <summary>
/// Turns committed ticket events into live-feed changes: the ticket's status, queue, assignee and priority after each event.
/// An event alone does not say them all (a status change names no queue), so each ticket's state is folded with the
/// ticket grain's own rules (<see cref="TicketState.Apply"/>) from its earlier events. Those rules read only clear
/// fields (queue, statuses, agent ids, times): sealed personal fields pass through unopened.
/// </summary>
public static class TicketChangeFold
{
    /// <summary>A ticket stream whose events before <paramref name="Version"/> are needed to fold the page.</summary>
    public readonly record struct HistoryNeed(string TenantId, string StreamId, int Version);

    /// <summary>The ticket events of the page, in log order; other streams (customers, identities) are not on the feed.</summary>
    public static List<CommittedEvent> TicketEvents(IEnumerable<CommittedEvent> events) =>
        events.Where(e => StreamIds.TryTicketId(e.StreamId, out _)).ToList();

    /// <summary>The tickets whose first event in the page is not their creation: their state before it must be read.</summary>
    public static List<HistoryNeed> HistoryNeeded(IEnumerable<CommittedEvent> ticketEvents) =>
        ticketEvents.GroupBy(e => (e.TenantId, e.StreamId))
            .Select(g => new HistoryNeed(g.Key.TenantId, g.Key.StreamId, g.Min(e => e.Version)))
            .Where(n => n.Version > 1)
            .ToList();

    /// <summary>
    /// The change after each event, in the page's order. <paramref name="history"/> holds, per (tenant, stream), the state
    /// before the stream's first event in the page (a stream missing from it starts empty) and is advanced in place.
    /// </summary>
    public static List<(string TenantId, LoggedTicketChange Change)> Project(IEnumerable<CommittedEvent> ticketEvents, Dictionary<(string, string), TicketState> history)
    {
        var changes = new List<(string, LoggedTicketChange)>();
        foreach (var e in ticketEvents)
        {
            if (!StreamIds.TryTicketId(e.StreamId, out var ticketId))
            {
                continue;
            }

            if (!history.TryGetValue((e.TenantId, e.StreamId), out var state))
            {
                history[(e.TenantId, e.StreamId)] = state = new TicketState();
            }

            state.Apply(EventSerializer.Deserialize(e.EventType, e.Data));
            var change = new TicketChange(ticketId, e.Version, e.EventType, state.Status, state.Queue, state.Assignee, state.UpdatedAt, state.Priority);
            changes.Add((e.TenantId, new LoggedTicketChange(new LogKey(e.TransactionId, e.Position), change)));
        }

        return changes;
    }
}
