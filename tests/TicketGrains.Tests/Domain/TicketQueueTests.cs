using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class TicketQueueTests
{
    private static readonly DateTimeOffset T0 = TicketStates.T0;

    private static QueuedTicket Ticket(string priority, int minute) =>
        new(Guid.NewGuid(), TicketCatalog.PriorityRank(priority), T0.AddMinutes(minute));

    private static List<QueuedTicket> Drain(TicketQueue queue)
    {
        var taken = new List<QueuedTicket>();
        while (queue.TakeHead() is { } head)
        {
            taken.Add(head);
        }

        return taken;
    }

    [Fact]
    public void Higher_priority_comes_first_then_earlier_arrival()
    {
        var oldNormal = Ticket("normal", 0);
        var low = Ticket("low", 1);
        var newNormal = Ticket("normal", 2);
        var urgent = Ticket("urgent", 3);
        var high = Ticket("high", 4);
        var queue = new TicketQueue();
        foreach (var t in new[] { oldNormal, low, newNormal, urgent, high })
        {
            queue.Add(t);
        }

        Assert.Equal([urgent, high, oldNormal, newNormal, low], Drain(queue));
    }

    [Fact]
    public void Same_ticket_is_held_once()
    {
        var ticket = Ticket("normal", 0);
        var queue = new TicketQueue();

        Assert.True(queue.Add(ticket));
        Assert.False(queue.Add(ticket with { PriorityRank = 3 }));
        Assert.Equal(1, queue.Count);
        Assert.Equal([ticket], Drain(queue));
    }

    [Fact]
    public void Removed_ticket_is_not_handed_out()
    {
        var first = Ticket("normal", 0);
        var second = Ticket("normal", 1);
        var queue = new TicketQueue();
        queue.Add(first);
        queue.Add(second);

        Assert.True(queue.Remove(first.TicketId));
        Assert.False(queue.Remove(first.TicketId));
        Assert.False(queue.Contains(first.TicketId));
        Assert.Equal([second], Drain(queue));
    }

    [Fact]
    public void Taken_ticket_leaves_the_queue()
    {
        var ticket = Ticket("high", 0);
        var queue = new TicketQueue();
        queue.Add(ticket);

        Assert.Equal(ticket, queue.TakeHead());
        Assert.Equal(0, queue.Count);
        Assert.False(queue.Contains(ticket.TicketId));
        Assert.Null(queue.TakeHead());
    }

    [Fact]
    public void Tickets_arriving_at_the_same_time_are_all_kept()
    {
        var queue = new TicketQueue();
        var same = Enumerable.Range(0, 5).Select(_ => Ticket("normal", 0)).ToList();
        same.ForEach(t => queue.Add(t));

        Assert.Equal(same.OrderBy(t => t.TicketId), Drain(queue));
    }
}
