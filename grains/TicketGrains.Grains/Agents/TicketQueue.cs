using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>Waiting tickets in their queue's order (<see cref="QueueOrder"/>). A ticket is held at most once.</summary>
public sealed class TicketQueue(IComparer<QueuedTicket> order)
{
    private SortedSet<QueuedTicket> _ordered = new(order);
    private readonly Dictionary<Guid, QueuedTicket> _byId = [];

    /// <summary>Priority first, then arrival: the order of a queue nobody defined.</summary>
    public TicketQueue() : this(QueueOrder.For(QueueDefinition.Default.Order))
    {
    }

    public int Count => _byId.Count;

    /// <summary>The waiting tickets, head first.</summary>
    public IEnumerable<QueuedTicket> InOrder => _ordered;

    public bool Contains(Guid ticketId) => _byId.ContainsKey(ticketId);

    /// <summary>Puts every waiting ticket in the new order.</summary>
    public void Reorder(IComparer<QueuedTicket> newOrder) => _ordered = new SortedSet<QueuedTicket>(_byId.Values, newOrder);

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

    public QueuedTicket? TakeHead() => TakeFirst(_ => true);

    /// <summary>Removes and returns the first ticket in order that <paramref name="fits"/>; null when none does.</summary>
    public QueuedTicket? TakeFirst(Func<QueuedTicket, bool> fits)
    {
        if (_ordered.FirstOrDefault(fits) is not { } first)
        {
            return null;
        }

        Remove(first.TicketId);
        return first;
    }
}
