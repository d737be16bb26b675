using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Tickets a queue handed to a taker whose claim it has not heard of yet. The ticket confirms a claim by asking the
/// queue to remove it; a take that was never confirmed (the claim failed, the taker died) expires after the lease and
/// the ticket goes back into the queue, however busy the queue is. A ticket that was claimed after all is then refused
/// by its own log when the next taker tries, so returning too eagerly costs one wasted claim, never a double hand-out.
/// </summary>
public sealed class TakenTickets(TimeSpan lease)
{
    private readonly Dictionary<Guid, (QueuedTicket Ticket, DateTimeOffset Until, string? Holder)> _taken = [];

    public int Count => _taken.Count;

    public bool Contains(Guid ticketId) => _taken.ContainsKey(ticketId);

    /// <summary>Records a hand-out; <paramref name="holder"/> is the agent whose take received it (null: offered or moved).</summary>
    public void Take(QueuedTicket ticket, DateTimeOffset now, string? holder = null) => _taken[ticket.TicketId] = (ticket, now + lease, holder);

    /// <summary>The take ended: claimed (the ticket asked for its removal) or given back. False when it was not held.</summary>
    public bool Settle(Guid ticketId) => _taken.Remove(ticketId);

    /// <summary>Removes and returns every unconfirmed ticket handed to <paramref name="holder"/>'s takes.</summary>
    public IReadOnlyList<QueuedTicket> SettleHeldBy(string holder)
    {
        var held = _taken.Values.Where(t => t.Holder == holder).Select(t => t.Ticket).ToList();
        foreach (var ticket in held)
        {
            _taken.Remove(ticket.TicketId);
        }

        return held;
    }

    /// <summary>Removes and returns every take whose lease ran out by <paramref name="now"/>, oldest lease first.</summary>
    public IReadOnlyList<QueuedTicket> Expire(DateTimeOffset now)
    {
        if (_taken.Count == 0)
        {
            return [];
        }

        var expired = _taken.Values.Where(t => t.Until <= now).OrderBy(t => t.Until).Select(t => t.Ticket).ToList();
        foreach (var ticket in expired)
        {
            _taken.Remove(ticket.TicketId);
        }

        return expired;
    }
}
