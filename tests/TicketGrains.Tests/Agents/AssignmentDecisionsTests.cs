using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Agents;

public sealed class AssignmentDecisionsTests
{
    private static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = new(TicketStates.T0);

    private TicketState OfferedTo(string agent)
    {
        var state = TicketStates.Created();
        return state.With(AssignmentDecisions.Offer(state, agent, OfferTimeout, _time.GetUtcNow())!);
    }

    [Fact]
    public void An_offer_not_accepted_in_time_returns_the_ticket_and_skips_that_agent_from_then_on()
    {
        var state = OfferedTo("ann");
        _time.Advance(OfferTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Null(ClaimDecisions.Expire(state, _time.GetUtcNow()));

        _time.Advance(TimeSpan.FromMilliseconds(1));
        state.Apply(ClaimDecisions.Expire(state, _time.GetUtcNow())!);

        Assert.True(state.WaitsInQueue);
        Assert.Equal(["ann"], state.SkippedAgents);
        Assert.Equal(["ann"], QueuedTickets.Of(state).SkippedAgents);
        Assert.Null(AssignmentDecisions.Offer(state, "ann", OfferTimeout, _time.GetUtcNow()));
        Assert.NotNull(AssignmentDecisions.Offer(state, "bob", OfferTimeout, _time.GetUtcNow()));
    }

    [Fact]
    public void A_pulled_claim_that_lapses_does_not_skip_the_agent()
    {
        var state = TicketStates.Created();
        state.Apply(ClaimDecisions.Claim(state, "ann", OfferTimeout, _time.GetUtcNow())!);
        _time.Advance(OfferTimeout);
        state.Apply(ClaimDecisions.Expire(state, _time.GetUtcNow())!);

        Assert.Empty(state.SkippedAgents);
    }

    [Fact]
    public void A_declined_offer_goes_back_and_skips_the_agent_and_only_the_offered_agent_can_decline()
    {
        var state = OfferedTo("ann");
        Assert.Throws<ConflictException>(() => AssignmentDecisions.Decline(state, "bob", _time.GetUtcNow()));

        state.Apply(AssignmentDecisions.Decline(state, "ann", _time.GetUtcNow()));

        Assert.Equal((null, true), (state.Assignee, state.WaitsInQueue));
        Assert.Equal(["ann"], state.SkippedAgents);
    }

    [Fact]
    public void An_offline_agent_loses_the_tickets_it_has_not_started_on_and_keeps_the_others()
    {
        var unstarted = OfferedTo("ann");
        unstarted.Apply(ClaimDecisions.Accept(unstarted, "ann", _time.GetUtcNow())!);
        var started = OfferedTo("ann");
        started.Apply(TicketDecisions.AddMessage(started, "ann", "Looking into it.", false, _time.GetUtcNow(), "ann"));

        unstarted.Apply(AssignmentDecisions.RequeueUnstarted(unstarted, "ann", _time.GetUtcNow())!);

        Assert.Equal((null, TicketStatus.Open, true), (unstarted.Assignee, unstarted.Status, unstarted.WaitsInQueue));
        Assert.Null(AssignmentDecisions.RequeueUnstarted(started, "ann", _time.GetUtcNow()));
        Assert.Null(AssignmentDecisions.RequeueUnstarted(unstarted, "ann", _time.GetUtcNow()));
    }

    [Fact]
    public void A_ticket_overflows_only_from_the_queue_it_still_waits_in()
    {
        var state = TicketStates.Created();
        var from = state.Queue;

        state.Apply(AssignmentDecisions.Overflow(state, from, "overflow", _time.GetUtcNow())!);

        Assert.Equal("overflow", state.Queue);
        Assert.Null(AssignmentDecisions.Overflow(state, from, "overflow", _time.GetUtcNow()));
        Assert.Null(AssignmentDecisions.Overflow(OfferedTo("ann"), from, "overflow", _time.GetUtcNow()));
    }
}
