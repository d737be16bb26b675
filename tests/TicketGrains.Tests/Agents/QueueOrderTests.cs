using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class QueueOrderTests
{
    private static QueuedTicket Ticket(int minute, int priority = 1, int tier = 0, int? slaMinutes = null) =>
        new(Guid.NewGuid(), priority, TicketStates.T0.AddMinutes(minute))
        {
            TierRank = tier,
            SlaDueAt = slaMinutes is { } m ? TicketStates.T0.AddMinutes(m) : null,
        };

    private static List<QueuedTicket> Ordered(IReadOnlyList<string> keys, params QueuedTicket[] tickets)
    {
        var queue = new TicketQueue(QueueOrder.For(keys));
        foreach (var ticket in tickets)
        {
            queue.Add(ticket);
        }

        return [.. queue.InOrder];
    }

    [Fact]
    public void A_vip_jumps_regular_tickets_that_waited_longer_when_the_queue_orders_by_tier()
    {
        var regular = Ticket(0);
        var gold = Ticket(5, tier: 2);
        var vip = Ticket(10, tier: 3);

        Assert.Equal([vip, gold, regular], Ordered(["tier", "wait"], regular, gold, vip));
        Assert.Equal([regular, gold, vip], Ordered(["wait"], regular, gold, vip));
    }

    [Fact]
    public void Each_key_decides_only_when_the_ones_before_it_tie()
    {
        var urgentRegular = Ticket(9, priority: 3);
        var normalVip = Ticket(0, tier: 3);
        var normalRegularDueSoon = Ticket(8, slaMinutes: 30);
        var normalRegularNoDeadline = Ticket(1);

        Assert.Equal(
            [urgentRegular, normalVip, normalRegularDueSoon, normalRegularNoDeadline],
            Ordered(["priority", "tier", "slaDue", "wait"], normalRegularNoDeadline, normalRegularDueSoon, normalVip, urgentRegular));
    }

    [Fact]
    public void Reordering_puts_the_waiting_tickets_in_the_new_order()
    {
        var old = Ticket(0);
        var vip = Ticket(1, tier: 3);
        var queue = new TicketQueue();
        queue.Add(old);
        queue.Add(vip);

        queue.Reorder(QueueOrder.For(["tier"]));

        Assert.Equal([vip, old], queue.InOrder);
        Assert.Equal(vip, queue.TakeHead());
    }
}
