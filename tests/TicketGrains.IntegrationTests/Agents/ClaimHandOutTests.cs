using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>A pulled ticket ends with an agent who received it: real silo, PostgreSQL and HTTP.</summary>
public sealed class ClaimHandOutTests(ShortClaimFixture cluster, ITestOutputHelper output) : IClassFixture<ShortClaimFixture>
{
    /// <summary>How long the long-poll may take to reach its queues before the test gives up.</summary>
    private static readonly TimeSpan PullArrival = TimeSpan.FromSeconds(30);

    /// <summary>The claim's deadline, its ticket's timer and a sweep period, with room for a loaded machine.</summary>
    private static readonly TimeSpan ReturnDeadline = ShortClaimFixture.ClaimAckTimeout + TimeSpan.FromSeconds(15);

    [Fact]
    public Task A_long_poll_whose_client_left_does_not_keep_the_ticket() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        using (var gone = new CancellationTokenSource())
        {
            using var request = AuthenticationTests.Request(HttpMethod.Post, "/api/v1/agents/alice/next?waitSeconds=20", TestTokens.Admin(api.Tenant!));
            var pull = cluster.Http.SendAsync(request, gone.Token);
            await AgentPullTests.WaitingAgentsAsync(api, "general", 1, PullArrival);
            await gone.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pull);
        }

        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Nobody is listening"))).Expect(HttpStatusCode.Created).Id;

        // Whether the grain stopped waiting in time or claimed and returned it, the ticket must reach the next agent.
        ApiResponse? pulled = null;
        await Poll.UntilAsync("the ticket to reach bob", ReturnDeadline, async () =>
            (pulled = await api.PostAsync("/api/v1/agents/bob/next")).Status == HttpStatusCode.OK);
        Assert.Equal((id, "bob"), (pulled!.Id, pulled.String("assignee")));
        Assert.Empty(await ListedForAsync(api, "alice"));
    });

    [Fact]
    public Task An_unacknowledged_claim_returns_to_the_head_of_its_queue_and_goes_to_the_next_puller() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var first = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("First in line"))).Expect(HttpStatusCode.Created).Id;
        var second = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Second in line"))).Expect(HttpStatusCode.Created).Id;

        var pulled = (await api.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK);
        Assert.Equal((first, "alice"), (pulled.Id, pulled.String("assignee")));
        var acceptBy = pulled.Json.GetProperty("acceptBy").GetDateTimeOffset();
        Assert.Equal([first], await ListedForAsync(api, "alice"));

        // The admin's reads are not alice's: they acknowledge nothing.
        await Poll.UntilAsync("the claim to go back to the queue", ReturnDeadline, async () =>
            (await api.GetAsync(TicketRequests.Ticket(first))).Expect(HttpStatusCode.OK).Json.GetProperty("assignee").ValueKind == JsonValueKind.Null);
        var next = (await api.PostAsync("/api/v1/agents/bob/next")).Expect(HttpStatusCode.OK);

        Assert.Equal((first, "bob"), (next.Id, next.String("assignee")));
        Assert.Empty(await ListedForAsync(api, "alice"));
        Assert.Equal([first], await ListedForAsync(api, "bob"));
        var events = (await api.GetAsync($"{TicketRequests.Ticket(first)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        Assert.Equal(["TicketCreated", "TicketClaimed", "ClaimReturned", "TicketClaimed"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.True(events[2].GetProperty("recordedAt").GetDateTimeOffset() >= acceptBy, "The claim went back before its deadline.");
        (await api.PostAsync($"/api/v1/agents/alice/tickets/{first}/accept")).Expect(HttpStatusCode.Conflict);
        Assert.Equal(second, (await api.PostAsync("/api/v1/agents/carol/next")).Expect(HttpStatusCode.OK).Id);
    });

    [Fact]
    public Task An_accepted_or_read_claim_stays_with_its_agent_and_every_step_is_audited() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var alice = cluster.Client(api.Tenant, TestTokens.Mint(api.Tenant!, "alice", ["agent"]));
        var accepted = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Accept me"))).Expect(HttpStatusCode.Created).Id;
        var read = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Read me"))).Expect(HttpStatusCode.Created).Id;

        (await alice.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK);
        var afterAccept = (await alice.PostAsync($"/api/v1/agents/alice/tickets/{accepted}/accept")).Expect(HttpStatusCode.OK);
        (await alice.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK);
        var afterRead = (await alice.GetAsync(TicketRequests.Ticket(read))).Expect(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, afterAccept.Json.GetProperty("acceptBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, afterRead.Json.GetProperty("acceptBy").ValueKind);
        var claimsDue = await cluster.Database.ColumnAsync<long>(
            "SELECT count(*) FROM tg_tickets WHERE tenant_id = $1 AND claim_due_at IS NOT NULL", api.Tenant!);
        Assert.Equal([0L], claimsDue);
        Assert.Equal([accepted, read], await ListedForAsync(api, "alice"));
        var auditor = cluster.Client(api.Tenant, TestTokens.Mint(api.Tenant!, "audrey", ["auditor"]));
        var audit = (await auditor.GetAsync("/api/v1/audit?limit=100")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("actor").GetString() == "alice")
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("target").GetString())).ToList();
        Assert.Equal([("pull", $"ticket:{accepted}"), ("accept", $"ticket:{accepted}"), ("pull", $"ticket:{read}")], audit);
    });

    [Fact]
    public Task Assignee_filter_takes_an_agent_id_only() => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().GetAsync($"{TicketRequests.Tickets}?assignee=not%20an%20agent")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["assignee"], refused.ErrorFields);
    });

    private static async Task<List<Guid>> ListedForAsync(ApiClient api, string agent) =>
        [.. (await api.GetAsync($"{TicketRequests.Tickets}?assignee={agent}")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid())];
}
