using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Tickets;

public sealed class ClaimDecisionsTests
{
    private static readonly TimeSpan AcceptWithin = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(TicketStates.T0);

    private TicketState ClaimedBy(string agent)
    {
        var state = TicketStates.Created();
        return state.With(ClaimDecisions.Claim(state, agent, AcceptWithin, _time.GetUtcNow())!);
    }

    [Fact]
    public void A_claim_assigns_and_opens_the_ticket_until_its_deadline()
    {
        var state = ClaimedBy("ann");

        Assert.Equal(("ann", TicketStatus.Open, "ann", TicketStates.T0 + AcceptWithin), (state.Assignee, state.Status, state.ClaimPendingBy, state.ClaimAcceptBy));
        Assert.False(state.WaitsInQueue);
        Assert.Equal(TicketStates.T0 + AcceptWithin, state.ToView("shop").AcceptBy);
    }

    [Fact]
    public void Only_a_ticket_waiting_in_its_queue_can_be_claimed()
    {
        Assert.Null(ClaimDecisions.Claim(ClaimedBy("ann"), "bob", AcceptWithin, _time.GetUtcNow()));
        Assert.Null(ClaimDecisions.Claim(TicketStates.In(TicketStatus.Pending), "bob", AcceptWithin, _time.GetUtcNow()));
        Assert.Null(ClaimDecisions.Claim(new TicketState(), "bob", AcceptWithin, _time.GetUtcNow()));
    }

    [Fact]
    public void An_unacknowledged_claim_returns_at_its_deadline_and_not_a_moment_before()
    {
        var state = ClaimedBy("ann");
        _time.Advance(AcceptWithin - TimeSpan.FromMilliseconds(1));
        Assert.Null(ClaimDecisions.Expire(state, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var returned = ClaimDecisions.Expire(state, _time.GetUtcNow());

        Assert.Equal(new ClaimReturned("ann", ClaimDecisions.NotAccepted, _time.GetUtcNow()), returned);
        state.Apply(returned!);
        Assert.Equal((null, null, TicketStatus.Open, true), (state.Assignee, state.ClaimPendingBy, state.Status, state.WaitsInQueue));
    }

    [Fact]
    public void Accepting_keeps_the_ticket_past_the_deadline_and_is_idempotent()
    {
        var state = ClaimedBy("ann");
        state.Apply(ClaimDecisions.Accept(state, "ann", _time.GetUtcNow())!);
        _time.Advance(AcceptWithin * 2);

        Assert.Null(ClaimDecisions.Expire(state, _time.GetUtcNow()));
        Assert.Null(ClaimDecisions.Accept(state, "ann", _time.GetUtcNow()));
        Assert.Equal(("ann", null), (state.Assignee, state.ToView("shop").AcceptBy));
    }

    [Fact]
    public void Another_agent_or_a_returned_claim_cannot_be_accepted()
    {
        var state = ClaimedBy("ann");
        Assert.Throws<ConflictException>(() => ClaimDecisions.Accept(state, "bob", _time.GetUtcNow()));

        _time.Advance(AcceptWithin);
        state.Apply(ClaimDecisions.Expire(state, _time.GetUtcNow())!);
        Assert.Throws<ConflictException>(() => ClaimDecisions.Accept(state, "ann", _time.GetUtcNow()));
        Assert.Throws<NotFoundException>(() => ClaimDecisions.Accept(new TicketState(), "ann", _time.GetUtcNow()));
    }

    [Fact]
    public void The_first_read_by_the_pulling_agent_acknowledges_and_nobody_elses_does()
    {
        var state = ClaimedBy("ann");

        Assert.Null(ClaimDecisions.AcceptOnRead(state, "sue", _time.GetUtcNow()));
        var read = ClaimDecisions.AcceptOnRead(state, "ann", _time.GetUtcNow());
        Assert.Equal(new ClaimAccepted("ann", ClaimDecisions.ByRead, _time.GetUtcNow()), read);
        state.Apply(read!);
        Assert.Null(ClaimDecisions.AcceptOnRead(state, "ann", _time.GetUtcNow()));
    }

    [Fact]
    public void A_reply_or_status_change_by_the_agent_acknowledges_one_by_someone_else_does_not()
    {
        var byOther = ClaimedBy("ann").With(TicketDecisions.AddMessage(ClaimedBy("ann"), "sue", "Note", true, _time.GetUtcNow(), "sue"));
        var replied = ClaimedBy("ann").With(TicketDecisions.AddMessage(ClaimedBy("ann"), "Ann", "On it", false, _time.GetUtcNow(), "ann"));
        var moved = ClaimedBy("ann").With(new StatusChanged(TicketStatus.Open, TicketStatus.Pending, "ann", _time.GetUtcNow()));

        Assert.Equal("ann", byOther.ClaimPendingBy);
        Assert.Null(replied.ClaimPendingBy);
        Assert.Null(moved.ClaimPendingBy);
    }

    [Fact]
    public void An_explicit_assignment_replaces_a_pending_claim()
    {
        var state = ClaimedBy("ann");
        state.Apply(TicketDecisions.Assign(state, "bob", "sue", _time.GetUtcNow()));
        _time.Advance(AcceptWithin);

        Assert.Equal(("bob", null), (state.Assignee, state.ClaimPendingBy));
        Assert.Null(ClaimDecisions.Expire(state, _time.GetUtcNow()));
    }

    [Fact]
    public void An_abandoned_pull_returns_only_that_agents_pending_claim()
    {
        var state = ClaimedBy("ann");

        Assert.Null(ClaimDecisions.Abandon(state, "bob", _time.GetUtcNow()));
        Assert.Equal(new ClaimReturned("ann", ClaimDecisions.Abandoned, _time.GetUtcNow()), ClaimDecisions.Abandon(state, "ann", _time.GetUtcNow()));
        state.Apply(ClaimDecisions.Accept(state, "ann", _time.GetUtcNow())!);
        Assert.Null(ClaimDecisions.Abandon(state, "ann", _time.GetUtcNow()));
    }
}
