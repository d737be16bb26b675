using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Waiting tickets ordered by priority (highest first), then by arrival. A ticket is held at most once.
/// </summary>
public sealed class TicketQueue
{
    private static readonly Comparer<QueuedTicket> Order = Comparer<QueuedTicket>.Create((a, b) =>
    {
        var byRank = b.PriorityRank.CompareTo(a.PriorityRank);
        if (byRank != 0)
        {
            return byRank;
        }

        var byTime = a.EnqueuedAt.CompareTo(b.EnqueuedAt);
        return byTime != 0 ? byTime : a.TicketId.CompareTo(b.TicketId);
    });

    private readonly SortedSet<QueuedTicket> _ordered = new(Order);
    private readonly Dictionary<Guid, QueuedTicket> _byId = [];

    public int Count => _byId.Count;

    public bool Contains(Guid ticketId) => _byId.ContainsKey(ticketId);

    public bool Add(QueuedTicket ticket)
    {
        if (!_byId.TryAdd(ticket.TicketId, ticket))
        {
            return false;
        }

        _ordered.Add(ticket);
        return true;
    }

    public bool Remove(Guid ticketId)
    {
        if (!_byId.Remove(ticketId, out var ticket))
        {
            return false;
        }

        _ordered.Remove(ticket);
        return true;
    }

    public QueuedTicket? TakeHead()
    {
        if (_ordered.Min is not { } head)
        {
            return null;
        }

        Remove(head.TicketId);
        return head;
    }
}
