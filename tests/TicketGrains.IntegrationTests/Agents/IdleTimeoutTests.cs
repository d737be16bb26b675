using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using static TicketGrains.IntegrationTests.Agents.Assignments;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>Presence's idle timeout on a real silo: an online agent doing nothing turns away; its next pull brings it back.</summary>
public sealed class IdleTimeoutTests(IdleAgentFixture cluster, ITestOutputHelper output) : IClassFixture<IdleAgentFixture>
{
    [Fact]
    public Task An_idle_online_agent_turns_away_and_is_skipped_by_push_until_it_pulls() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await DefineQueueAsync(api, "general", new { strategy = "push" });
        // Taken before the agent exists: its idle clock starts inside the PUT, so a later start made the check flaky.
        var since = DateTimeOffset.UtcNow;
        await DefineAgentAsync(api, "ann", new { queues = new[] { "general" } });

        await Poll.UntilAsync("ann to turn away", TimeSpan.FromSeconds(30), async () =>
            (await api.GetAsync("/api/v1/agents/ann")).Expect(HttpStatusCode.OK).String("presence") == "away");
        Assert.True(DateTimeOffset.UtcNow - since >= IdleAgentFixture.IdleTimeout);

        // Away, she is offered nothing; her pull is activity, so she takes the ticket herself and is online again.
        var ticket = await CreateAsync(api, "Waits for someone awake");
        Assert.Equal(["TicketCreated"], await EventTypesAsync(api, ticket));
        Assert.Equal(ticket, (await api.PostAsync("/api/v1/agents/ann/next")).Expect(HttpStatusCode.OK).Id);
        Assert.Equal("online", (await api.GetAsync("/api/v1/agents/ann")).Expect(HttpStatusCode.OK).String("presence"));
        Assert.Equal(["TicketCreated", "TicketClaimed"], await EventTypesAsync(api, ticket));
    });
}
