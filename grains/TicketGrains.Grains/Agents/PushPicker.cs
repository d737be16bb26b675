using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Chooses the agent a push queue offers a ticket to, among those online (not idle), with room for its channel kind,
/// and fitting it (<see cref="QueueMatch"/>). "most-spare-capacity" takes
/// the most room left for the kind (no limit beats any number); "round-robin" the longest since their last hand-out.
/// Ties go to the longest since the last hand-out, then to the agent id, so the choice is deterministic.
/// </summary>
public static class PushPicker
{
    public static AgentStatus? Pick(QueuedTicket ticket, IEnumerable<AgentStatus> roster, QueueDefinition queue, DateTimeOffset now)
    {
        var kind = ChannelKinds.Of(ticket.Channel);
        var candidates = roster.Where(a => a.Presence == AgentPresence.Online && now < a.AwayAt
                && Spare(a, kind) > 0 && QueueMatch.Fits(ticket, Taker(a, kind), queue, now))
            .ToList();
        var byLastHandOut = candidates.OrderBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(a => a.AgentId, StringComparer.Ordinal);
        return queue.PushStrategy == QueueDefinition.RoundRobin
            ? byLastHandOut.FirstOrDefault()
            : byLastHandOut.OrderByDescending(a => Spare(a, kind)).FirstOrDefault();
    }

    private static int Spare(AgentStatus agent, string kind) => agent.Limited ? agent.Room.GetValueOrDefault(kind) : int.MaxValue;

    private static Taker Taker(AgentStatus agent, string kind) => new(agent.AgentId, agent.Skills, new HashSet<string>(StringComparer.Ordinal) { kind });
}
