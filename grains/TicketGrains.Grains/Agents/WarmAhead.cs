using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Which waiting tickets a queue should wake before an agent takes them. A ticket's grain is released right after its
/// creation (a promotion-day backlog must not sit in memory), so without this the pull that takes it first reads it
/// back from PostgreSQL on the agent's clock. The queue keeps the grains of the first <paramref name="depth"/> tickets in
/// its order awake instead, and asks for each only once while it stays among them.
/// </summary>
public sealed class WarmAhead(int depth)
{
    private HashSet<Guid> _front = [];

    /// <summary>The tickets among the first (depth) in order that were not among them at the last call.</summary>
    public IReadOnlyList<Guid> Newcomers(IEnumerable<QueuedTicket> inOrder)
    {
        var front = inOrder.Take(depth).Select(t => t.TicketId).ToHashSet();
        var newcomers = front.Where(id => !_front.Contains(id)).ToList();
        _front = front;
        return newcomers;
    }
}
