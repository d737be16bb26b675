using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class WarmAheadTests
{
    private readonly WarmAhead _warm = new(depth: 3);
    private readonly TicketQueue _queue = new();

    private QueuedTicket Enqueue(int priorityRank, int secondsAfterStart)
    {
        var ticket = new QueuedTicket(Guid.NewGuid(), priorityRank, TicketStates.T0.AddSeconds(secondsAfterStart));
        _queue.Add(ticket);
        return ticket;
    }

    [Fact]
    public void The_first_call_names_the_front_of_the_queue_in_order_and_nothing_behind_it()
    {
        var tickets = Enumerable.Range(0, 5).Select(i => Enqueue(1, i)).ToList();

        Assert.Equal(tickets.Take(3).Select(t => t.TicketId), _warm.Newcomers(_queue.InOrder));
    }

    [Fact]
    public void A_ticket_is_named_once_while_it_stays_at_the_front()
    {
        var tickets = Enumerable.Range(0, 5).Select(i => Enqueue(1, i)).ToList();
        _warm.Newcomers(_queue.InOrder);

        Assert.Empty(_warm.Newcomers(_queue.InOrder));
        _queue.TakeHead();
        Assert.Equal([tickets[3].TicketId], _warm.Newcomers(_queue.InOrder));
    }

    [Fact]
    public void A_more_urgent_arrival_is_named_and_a_ticket_pushed_out_of_the_front_is_named_again_when_it_returns()
    {
        var tickets = Enumerable.Range(0, 3).Select(i => Enqueue(1, i)).ToList();
        _warm.Newcomers(_queue.InOrder);

        var urgent = Enqueue(priorityRank: 3, secondsAfterStart: 10);
        Assert.Equal([urgent.TicketId], _warm.Newcomers(_queue.InOrder));

        _queue.Remove(urgent.TicketId);
        Assert.Equal([tickets[2].TicketId], _warm.Newcomers(_queue.InOrder));
    }

    [Fact]
    public void An_empty_queue_names_nobody()
    {
        Assert.Empty(_warm.Newcomers(_queue.InOrder));
    }
}
