using Xunit;

namespace TicketGrains.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class LongPollTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    // Well under Wait: only the queue waking the waiter can answer in time.
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Waiting_agent_receives_a_ticket_created_while_it_waits()
    {
        var tenant = Tenants.New();
        var agent = fixture.Client.Agent(tenant, "ann");
        var pull = agent.NextAsync(Wait);
        var lastQueue = fixture.Client.Queue(tenant, "general").GetGrainId();
        await Eventually.HoldsAsync(() => Task.FromResult(fixture.Cluster.TryGetGrainContext(lastQueue, out _)), "the agent reached its last queue");
        Assert.False(pull.IsCompleted);

        var created = await fixture.Client.OpenAsync(tenant, Commands.Create());
        var received = await pull.WaitAsync(Answer);

        Assert.Equal((created.Id, "ann", "open"), (received!.Id, received.Assignee, received.Status));
        Assert.Equal("ann", (await fixture.Client.Ticket(tenant, created.Id).GetAsync()).Assignee);
    }

    [Fact]
    public async Task Long_poll_without_tickets_returns_nothing_once_the_wait_is_over()
    {
        var tenant = Tenants.New();
        var pull = fixture.Client.Agent(tenant, "bob").NextAsync(TimeSpan.FromMilliseconds(200));

        // The agent measures its deadline on the fake clock; move it on until the agent gives up.
        await Eventually.HoldsAsync(() =>
        {
            fixture.Time.Advance(TimeSpan.FromMilliseconds(100));
            return Task.FromResult(pull.IsCompleted);
        }, "the long poll ended");

        Assert.Null(await pull);
    }
}
