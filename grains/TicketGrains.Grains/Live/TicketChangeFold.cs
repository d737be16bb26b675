using System.Text.Json.Nodes;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Surges;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Live;

/// <summary>
/// Turns committed ticket events into live-feed changes: the ticket's status, queue, assignee and priority after each event.
/// An event alone does not say them all (a status change names no queue), so each ticket's state is folded with the
/// ticket grain's own rules (<see cref="TicketState.Apply"/>) from its earlier events. Those rules read only clear
/// fields (queue, statuses, agent ids, times): sealed personal fields pass through unopened. A surge's events
/// (<see cref="SurgeStreams"/>) need no history: each is on the feed as it was recorded.
/// </summary>
public static class TicketChangeFold
{
    /// <summary>A ticket stream whose events before <paramref name="Version"/> are needed to fold the page.</summary>
    public readonly record struct HistoryNeed(string TenantId, string StreamId, int Version);

    /// <summary>The ticket and surge events of the page, in log order; other streams (customers, identities) are not on the feed.</summary>
    public static List<CommittedEvent> FeedEvents(IEnumerable<CommittedEvent> events) =>
        events.Where(e => IsOnFeed(e.StreamId)).ToList();

    /// <summary>Whether a stream's events are on the live feed: a ticket's or a surge's.</summary>
    public static bool IsOnFeed(string streamId) => StreamIds.TryTicketId(streamId, out _) || SurgeStreams.TrySurgeId(streamId, out _);

    /// <summary>The tickets whose first event in the page is not their creation: their state before it must be read.</summary>
    public static List<HistoryNeed> HistoryNeeded(IEnumerable<CommittedEvent> feedEvents) =>
        feedEvents.Where(e => StreamIds.TryTicketId(e.StreamId, out _)).GroupBy(e => (e.TenantId, e.StreamId))
            .Select(g => new HistoryNeed(g.Key.TenantId, g.Key.StreamId, g.Min(e => e.Version)))
            .Where(n => n.Version > 1)
            .ToList();

    /// <summary>
    /// The feed event of each event, in the page's order. <paramref name="history"/> holds, per (tenant, ticket stream), the
    /// state before the stream's first event in the page (a stream missing from it starts empty) and is advanced in place.
    /// </summary>
    public static List<(string TenantId, ILoggedFeedEvent Change)> Project(IEnumerable<CommittedEvent> feedEvents, Dictionary<(string, string), TicketState> history)
    {
        var changes = new List<(string, ILoggedFeedEvent)>();
        foreach (var e in feedEvents)
        {
            if (SurgeStreams.TrySurgeId(e.StreamId, out var surgeId))
            {
                if (SurgeEventName(e.EventType) is { } name)
                {
                    var surge = new SurgeChange(surgeId, name, JsonNode.Parse(e.Data)?.ToJsonString() ?? "{}");
                    changes.Add((e.TenantId, new LoggedSurgeChange(new LogKey(e.TransactionId, e.Position), surge)));
                }

                continue;
            }

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

    private static string? SurgeEventName(string eventType) => eventType switch
    {
        nameof(SurgeDetected) => WebhookEventTypes.SurgeDetected,
        nameof(SurgeEnded) => WebhookEventTypes.SurgeEnded,
        _ => null,
    };
}
