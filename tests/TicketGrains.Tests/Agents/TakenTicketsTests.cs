using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Agents;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class TakenTicketsTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(TicketStates.T0);
    private readonly TakenTickets _taken = new(Lease);

    private QueuedTicket Take()
    {
        var ticket = new QueuedTicket(Guid.NewGuid(), 1, _time.GetUtcNow());
        _taken.Take(ticket, _time.GetUtcNow());
        return ticket;
    }

    [Fact]
    public void A_take_nobody_settles_comes_back_when_its_lease_runs_out()
    {
        var first = Take();
        _time.Advance(TimeSpan.FromSeconds(10));
        var second = Take();

        _time.Advance(Lease - TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_taken.Expire(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([first], _taken.Expire(_time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([second], _taken.Expire(_time.GetUtcNow()));
        Assert.Equal(0, _taken.Count);
    }

    [Fact]
    public void A_settled_take_never_comes_back()
    {
        var claimed = Take();
        var givenBack = Take();

        Assert.True(_taken.Settle(claimed.TicketId));
        Assert.True(_taken.Settle(givenBack.TicketId));
        Assert.False(_taken.Settle(claimed.TicketId));
        _time.Advance(Lease * 2);

        Assert.Empty(_taken.Expire(_time.GetUtcNow()));
        Assert.False(_taken.Contains(claimed.TicketId));
    }

    [Fact]
    public void Taking_again_renews_the_lease()
    {
        var ticket = Take();
        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        _taken.Take(ticket, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(_taken.Expire(_time.GetUtcNow()));
        Assert.True(_taken.Contains(ticket.TicketId));
    }

    [Fact]
    public void Giving_up_an_agents_takes_returns_only_what_was_handed_to_that_agent()
    {
        var ann = new QueuedTicket(Guid.NewGuid(), 1, _time.GetUtcNow());
        var bob = new QueuedTicket(Guid.NewGuid(), 1, _time.GetUtcNow());
        var moved = new QueuedTicket(Guid.NewGuid(), 1, _time.GetUtcNow());
        _taken.Take(ann, _time.GetUtcNow(), "ann");
        _taken.Take(bob, _time.GetUtcNow(), "bob");
        _taken.Take(moved, _time.GetUtcNow());

        Assert.Equal([ann], _taken.SettleHeldBy("ann"));
        Assert.Empty(_taken.SettleHeldBy("ann"));
        Assert.Equal(2, _taken.Count);
        Assert.True(_taken.Contains(bob.TicketId));
        Assert.True(_taken.Contains(moved.TicketId));
    }
}
