using TicketGrains.Abstractions.Grains;
using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>
/// A pull whose answer never reached its caller (the caller left as the claim was made, or the answer was lost) gives
/// its ticket back at once when the front end asks, instead of leaving it with an agent who never saw it until the
/// claim's accept deadline (30 s).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnansweredPullTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_ticket_a_pull_handed_goes_back_to_its_queue_for_the_next_agent()
    {
        var tenant = Tenants.New();
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());
        await fixture.Client.HoldsAsync(tenant, "general", 1);
        var ann = fixture.Client.Agent(tenant, "ann");
        var witnessing = Witnessing();
        // The answer is taken here, as the silo sent it; the front end that asked is taken to have lost it.
        Assert.Equal(created.Id, (await ann.NextWitnessedAsync(TimeSpan.Zero, witnessing))!.Id);

        await ann.GiveBackUnansweredAsync(witnessing.PullId, []);

        await fixture.Client.HoldsAsync(tenant, "general", 1);
        Assert.Equal(["TicketCreated", "TicketClaimed", "ClaimReturned"],
            (await fixture.Client.Ticket(tenant, created.Id).GetEventsAsync()).Select(e => e.Type));
        Assert.Equal((created.Id, "bob"), await PulledAsync(tenant, "bob"));
    }

    [Fact]
    public async Task The_give_back_waits_for_a_claim_still_being_made_when_the_caller_left()
    {
        var tenant = Tenants.New();
        var ann = fixture.Client.Agent(tenant, "ann");
        await ann.SetQueuesAsync(["general"]);
        var witnessing = Witnessing();
        var pull = ann.NextWitnessedAsync(TimeSpan.FromSeconds(20), witnessing);
        await Eventually.HoldsAsync(async () => (await fixture.Client.Queue(tenant, "general").StatusAsync()).WaitingAgents == 1, "ann long-polls 'general'");

        // Sent while the pull still waits: it must run after the claim the pull is about to make, not before it.
        var giveBack = ann.GiveBackUnansweredAsync(witnessing.PullId, []);
        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());
        Assert.Equal(created.Id, (await pull)!.Id);
        await giveBack.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null((await fixture.Client.Ticket(tenant, created.Id).GetAsync()).Assignee);
        await fixture.Client.HoldsAsync(tenant, "general", 1);
    }

    [Fact]
    public async Task A_named_ticket_held_by_another_agent_or_already_accepted_stays_where_it_is()
    {
        var tenant = Tenants.New();
        var (first, second) = (await fixture.Client.OpenAsync(tenant, Commands.Create()), await fixture.Client.OpenAsync(tenant, Commands.Create()));
        await fixture.Client.HoldsAsync(tenant, "general", 2);
        var ann = fixture.Client.Agent(tenant, "ann");
        var accepted = await ann.NextWitnessedAsync(TimeSpan.Zero, Witnessing());
        await fixture.Client.Ticket(tenant, accepted!.Id).AcceptClaimAsync("ann");
        var bobs = await fixture.Client.Agent(tenant, "bob").NextAsync(TimeSpan.Zero);
        Assert.Equal(new HashSet<Guid> { first.Id, second.Id }, [accepted.Id, bobs!.Id]);

        await ann.GiveBackUnansweredAsync(Guid.NewGuid(), [first.Id, second.Id]);

        Assert.Equal("ann", (await fixture.Client.Ticket(tenant, accepted.Id).GetAsync()).Assignee);
        Assert.Equal("bob", (await fixture.Client.Ticket(tenant, bobs.Id).GetAsync()).Assignee);
        // Eventually: the enqueues of the two creates are one-way and may still be on their way; the queue must not keep them.
        await fixture.Client.HoldsAsync(tenant, "general", 0);
    }

    private PullWitnessing Witnessing() =>
        new(fixture.Client.CreateObjectReference<IPullWitness>(new SilentWitness()), Guid.NewGuid());

    private async Task<(Guid, string?)> PulledAsync(string tenant, string agent)
    {
        var pulled = await fixture.Client.Agent(tenant, agent).NextAsync(TimeSpan.Zero);
        return (pulled!.Id, pulled.Assignee);
    }

    private sealed class SilentWitness : IPullWitness
    {
        public Task ClaimingAsync(Guid pullId, Guid ticketId) => Task.CompletedTask;
    }
}
