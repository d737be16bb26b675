using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Whether an agent may have a waiting ticket: room for its channel kind, not skipped by it, and the skills the queue
/// and the ticket ask for at their levels (a ticket's own skills at any level). Once the ticket has waited the queue's
/// widening time, skills no longer count: any agent serving the queue may take it.
/// </summary>
public static class QueueMatch
{
    public static bool Fits(QueuedTicket ticket, Taker taker, QueueDefinition queue, DateTimeOffset now) =>
        (taker.RoomFor is null || taker.RoomFor.Contains(ChannelKinds.Of(ticket.Channel)))
        && !ticket.SkippedAgents.Contains(taker.AgentId)
        && (Widened(ticket, queue, now) || HasSkills(ticket, taker.Skills, queue));

    public static bool Widened(QueuedTicket ticket, QueueDefinition queue, DateTimeOffset now) =>
        queue.WidenAfterSeconds is { } seconds && now - ticket.EnqueuedAt >= TimeSpan.FromSeconds(seconds);

    private static bool HasSkills(QueuedTicket ticket, IReadOnlyDictionary<string, int> skills, QueueDefinition queue) =>
        queue.RequiredSkills.All(r => skills.GetValueOrDefault(r.Key) >= r.Value)
        && ticket.Skills.All(s => skills.GetValueOrDefault(s) >= 1);
}
