using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>A pulled ticket stays with the agent only once acknowledged; otherwise it goes back to the head of its queue.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClaimHandOutTests(ClusterFixture fixture)
{
    /// <summary>Past the default Agents:ClaimAckTimeout (30 s).</summary>
    private static readonly TimeSpan PastTheDeadline = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task An_unacknowledged_claim_goes_back_to_the_head_of_its_queue_for_the_next_puller()
    {
        var tenant = Tenants.New();
        var (first, second) = await TwoTicketsAsync(tenant);
        var pulled = await fixture.Client.Agent(tenant, "ann").NextAsync(TimeSpan.Zero);
        Assert.Equal((first.Id, "ann"), (pulled!.Id, pulled.Assignee));
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(30), pulled.AcceptBy);

        fixture.Time.Advance(PastTheDeadline);
        await fixture.Client.Ticket(tenant, first.Id).CheckClaimAsync();
        await fixture.Client.HoldsAsync(tenant, "general", 2);
        var next = await fixture.Client.Agent(tenant, "bob").NextAsync(TimeSpan.Zero);

        Assert.Equal((first.Id, "bob"), (next!.Id, next.Assignee));
        Assert.Equal(1, await fixture.Client.Queue(tenant, "general").CountAsync());
        Assert.Equal(["TicketCreated", "TicketClaimed", "ClaimReturned", "TicketClaimed"],
            (await fixture.Client.Ticket(tenant, first.Id).GetEventsAsync()).Select(e => e.Type));
        Assert.NotEqual(second.Id, next.Id);
    }

    [Fact]
    public async Task An_accepted_claim_stays_with_its_agent()
    {
        var tenant = Tenants.New();
        var (first, _) = await TwoTicketsAsync(tenant);
        var pulled = await fixture.Client.Agent(tenant, "ann").NextAsync(TimeSpan.Zero);
        var ticket = fixture.Client.Ticket(tenant, pulled!.Id);

        var accepted = await ticket.AcceptClaimAsync("ann");
        fixture.Time.Advance(PastTheDeadline);
        await ticket.CheckClaimAsync();

        Assert.Equal((first.Id, "ann", null), (accepted.Id, accepted.Assignee, accepted.AcceptBy));
        Assert.Equal("ann", (await ticket.GetAsync()).Assignee);
        Assert.Equal(1, await fixture.Client.Queue(tenant, "general").CountAsync());
        Assert.Equal("ann", (await ticket.AcceptClaimAsync("ann")).Assignee);
    }

    [Fact]
    public async Task Only_the_pulling_agents_first_read_acknowledges_the_claim()
    {
        var tenant = Tenants.New();
        await TwoTicketsAsync(tenant);
        var pulled = await fixture.Client.Agent(tenant, "ann").NextAsync(TimeSpan.Zero);
        var ticket = fixture.Client.Ticket(tenant, pulled!.Id);

        Assert.NotNull((await ticket.ReadAsync("sue")).AcceptBy);
        Assert.Null((await ticket.ReadAsync("ann")).AcceptBy);
        fixture.Time.Advance(PastTheDeadline);
        await ticket.CheckClaimAsync();

        Assert.Equal("ann", (await ticket.GetAsync()).Assignee);
        Assert.Equal(["TicketCreated", "TicketClaimed", "ClaimAccepted"], (await ticket.GetEventsAsync()).Select(e => e.Type));
    }

    [Fact]
    public async Task The_tenants_sweep_returns_the_claim_of_a_ticket_whose_activation_is_gone()
    {
        var tenant = Tenants.New();
        var (first, _) = await TwoTicketsAsync(tenant);
        await fixture.Client.Agent(tenant, "ann").NextAsync(TimeSpan.Zero);
        var ticket = fixture.Client.Ticket(tenant, first.Id);
        await fixture.Cluster.DeactivateAsync(ticket);
        fixture.Time.Advance(PastTheDeadline);

        await fixture.Client.GetGrain<ISlaWatchGrain>(tenant).SweepAsync();

        Assert.Null((await ticket.GetAsync()).Assignee);
        Assert.Null(fixture.EventLog.Rows[(tenant, first.Id)].Row.ClaimDueAt);
        await fixture.Client.HoldsAsync(tenant, "general", 2);
    }

    [Fact]
    public async Task A_taken_ticket_whose_claim_never_came_returns_although_the_queue_never_runs_dry()
    {
        var tenant = Tenants.New();
        var (first, second) = await TwoTicketsAsync(tenant);
        var queue = fixture.Client.Queue(tenant, "general");
        // An agent took the head and died before claiming it; the second ticket keeps the queue from running dry.
        Assert.Equal(first.Id, (await queue.TakeAsync(Taker.Plain("ann"), TimeSpan.Zero))!.TicketId);
        fixture.Time.Advance(PastTheDeadline);

        var next = await fixture.Client.Agent(tenant, "bob").NextAsync(TimeSpan.Zero);

        Assert.Equal(first.Id, next!.Id);
        Assert.NotEqual(second.Id, next.Id);
    }

    [Fact]
    public async Task A_failed_claim_gives_back_what_the_other_waiting_queues_took()
    {
        var tenant = Tenants.New();
        var agent = fixture.Client.Agent(tenant, "ann");
        await agent.SetQueuesAsync(["complaints", "general"]);
        var broken = Guid.NewGuid();
        // A ticket whose history cannot be read: claiming it fails.
        await fixture.EventLog.AppendAsync(new AppendRequest(tenant, StreamIds.Ticket(broken), 1, "NoSuchEvent", "{}", null));
        var pull = agent.NextAsync(TimeSpan.FromSeconds(5));
        var lastQueue = fixture.Client.Queue(tenant, "general").GetGrainId();
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Cluster.TryGetGrainContext(lastQueue, out _)), "the agent reached its last queue");

        await fixture.Client.Queue(tenant, "complaints").EnqueueAsync(new QueuedTicket(broken, 3, fixture.Time.GetUtcNow()));
        await Assert.ThrowsAnyAsync<Exception>(() => pull);
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());

        await fixture.Client.HoldsAsync(tenant, "general", 1);
        Assert.Null((await fixture.Client.Ticket(tenant, created.Id).GetAsync()).Assignee);
    }

    [Fact]
    public async Task A_ticket_handed_to_a_take_its_agent_gave_up_goes_back_at_once()
    {
        var tenant = Tenants.New();
        var queue = fixture.Client.Queue(tenant, "general");
        var take = queue.TakeAsync(Taker.Plain("ann"), TimeSpan.FromSeconds(20));
        await Eventually.HoldsAsync(async () => (await queue.StatusAsync()).WaitingAgents == 1, "ann waits on the queue");
        var ticket = new QueuedTicket(Guid.NewGuid(), 3, fixture.Time.GetUtcNow());
        // The ticket reaches the take, but its caller has already left (its cancellation was still on the way).
        await queue.EnqueueAsync(ticket);
        Assert.Equal(ticket.TicketId, (await take)!.TicketId);
        Assert.Equal((0, 1), await WaitingAndHandedAsync(queue));

        await queue.GiveUpTakeAsync("ann");

        Assert.Equal((1, 0), await WaitingAndHandedAsync(queue));
        Assert.Equal(ticket.TicketId, (await queue.TakeAsync(Taker.Plain("bob"), TimeSpan.Zero))!.TicketId);
    }

    [Fact]
    public async Task Giving_up_ends_the_agents_waiting_take_and_leaves_the_others_waiting()
    {
        var tenant = Tenants.New();
        var queue = fixture.Client.Queue(tenant, "general");
        var ann = queue.TakeAsync(Taker.Plain("ann"), TimeSpan.FromSeconds(20));
        var bob = queue.TakeAsync(Taker.Plain("bob"), TimeSpan.FromSeconds(20));
        await Eventually.HoldsAsync(async () => (await queue.StatusAsync()).WaitingAgents == 2, "ann and bob wait on the queue");

        await queue.GiveUpTakeAsync("ann");

        // Well inside the take's own 20 s, so a take that merely timed out cannot pass for one that was ended.
        Assert.Null(await ann.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, (await queue.StatusAsync()).WaitingAgents);
        var ticket = new QueuedTicket(Guid.NewGuid(), 3, fixture.Time.GetUtcNow());
        await queue.EnqueueAsync(ticket);
        Assert.Equal(ticket.TicketId, (await bob)!.TicketId);
    }

    private static async Task<(int Waiting, int Handed)> WaitingAndHandedAsync(IAgentQueueGrain queue)
    {
        var status = await queue.StatusAsync();
        return (status.WaitingTickets, status.HandedOut);
    }

    private async Task<(TicketView First, TicketView Second)> TwoTicketsAsync(string tenant)
    {
        var first = await fixture.Client.OpenAsync(tenant, Commands.Create());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await fixture.Client.OpenAsync(tenant, Commands.Create());
        await fixture.Client.HoldsAsync(tenant, "general", 2);
        return (first, second);
    }
}
