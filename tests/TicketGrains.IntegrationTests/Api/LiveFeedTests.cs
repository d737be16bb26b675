using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>GET /api/v1/events: server-sent events of the tenant's ticket changes, resumable with Last-Event-ID.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveFeedTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan FeedDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public Task The_feed_announces_a_ticket_created_after_connecting() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        using var deadline = new CancellationTokenSource(FeedDeadline);
        using var feed = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Admin(api.Tenant!)), null, deadline.Token);

        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Live one"))).Expect(HttpStatusCode.Created).Id;

        var change = Assert.Single(await feed.ChangesAsync(1, deadline.Token));
        Assert.NotEqual(feed.StartId, change.Id);
        Assert.Equal((id, 1), change.Change);
        Assert.Equal("TicketCreated", change.Json.GetProperty("eventType").GetString());
        Assert.Equal("new", change.Json.GetProperty("status").GetString());
        Assert.Equal("general", change.Json.GetProperty("queue").GetString());
    });

    [Fact]
    public Task A_client_reconnecting_with_its_last_event_id_gets_exactly_what_it_missed_in_order_then_goes_on_live() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var credential = EventFeed.Bearer(TestTokens.Admin(api.Tenant!));
        using var deadline = new CancellationTokenSource(FeedDeadline);
        var first = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Seen live"))).Expect(HttpStatusCode.Created).Id;
        string lastId;
        using (var feed = await EventFeed.OpenAsync(cluster.Http, credential, null, deadline.Token))
        {
            var second = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Seen live too"))).Expect(HttpStatusCode.Created).Id;
            var seen = Assert.Single(await feed.ChangesAsync(1, deadline.Token));
            Assert.Equal((second, 1), seen.Change);
            lastId = seen.Id!;
        }

        var missed = new List<(Guid, int)>();
        foreach (var subject in new[] { "Missed 1", "Missed 2" })
        {
            missed.Add(((await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create(subject))).Expect(HttpStatusCode.Created).Id, 1));
        }

        (await api.PostAsync($"{TicketRequests.Ticket(first)}/assignee", new { agentId = "agent-ann" })).Expect(HttpStatusCode.OK);
        missed.Add((first, 2));

        using var resumed = await EventFeed.OpenAsync(cluster.Http, credential, lastId, deadline.Token);
        Assert.Equal(lastId, resumed.StartId);
        var caughtUp = await resumed.ChangesAsync(missed.Count, deadline.Token);
        Assert.Equal(missed, caughtUp.Select(c => c.Change));
        var assigned = caughtUp[^1].Json;
        Assert.Equal(("open", "general", "agent-ann"),
            (assigned.GetProperty("status").GetString(), assigned.GetProperty("queue").GetString(), assigned.GetProperty("assignee").GetString()));

        var live = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Live after resuming"))).Expect(HttpStatusCode.Created).Id;
        Assert.Equal((live, 1), Assert.Single(await resumed.ChangesAsync(1, deadline.Token)).Change);
        Assert.Equal(caughtUp.Count, caughtUp.Select(c => c.Id).Distinct().Count());
    });

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("17")]
    [InlineData("0193a3c4-5b6e-7000-8000-000000000001:1")]
    [InlineData("01-2")]
    [InlineData("18446744073709551615-1")]
    public Task A_last_event_id_that_is_not_an_event_of_the_feed_is_a_400_naming_the_header(string lastEventId) => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var request = EventFeed.Request(EventFeed.Bearer(TestTokens.Admin(api.Tenant!)), lastEventId);

        var response = (await api.SendAsync(request)).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(["Last-Event-ID"], response.ErrorFields);
    });

    [Fact]
    public Task The_stream_ends_when_its_bearer_token_expires() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var lifetime = TimeSpan.FromSeconds(4);
        var expires = DateTimeOffset.UtcNow + lifetime;
        using var deadline = new CancellationTokenSource(FeedDeadline);
        using var feed = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Mint(tenant, "short", ["admin"], lifetime: lifetime)), null, deadline.Token);

        var closed = await feed.NextAsync(deadline.Token);

        // A token's expiry is written in whole seconds.
        Assert.True(DateTimeOffset.UtcNow > expires - TimeSpan.FromSeconds(1), "The stream ended before the token expired.");
        Assert.Equal(new EventFeed.Item(null, "feed.closed", """{"reason":"tokenExpired"}"""), closed);
        Assert.Null(await feed.NextAsync(deadline.Token));
    });

    [Fact]
    public Task The_stream_ends_when_its_api_key_is_revoked() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var created = (await admin.PostAsync("/api/v1/api-keys", new { name = "wallboard", permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.Created);
        using var deadline = new CancellationTokenSource(FeedDeadline);
        using var feed = await EventFeed.OpenAsync(cluster.Http, ("X-Api-Key", created.String("key")!), null, deadline.Token);
        var id = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Before revoking"))).Expect(HttpStatusCode.Created).Id;
        Assert.Equal((id, 1), Assert.Single(await feed.ChangesAsync(1, deadline.Token)).Change);

        using var revoke = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/api-keys/{created.String("id")}");
        (await admin.SendAsync(revoke)).Expect(HttpStatusCode.NoContent);

        Assert.Equal(new EventFeed.Item(null, "feed.closed", """{"reason":"apiKeyRevoked"}"""), await feed.NextAsync(deadline.Token));
        Assert.Null(await feed.NextAsync(deadline.Token));
    });

    [Fact]
    public Task A_change_is_masked_for_a_listener_without_pii_read_and_clear_for_one_with_it() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var tenant = api.Tenant!;
        using var deadline = new CancellationTokenSource(FeedDeadline);
        using var masked = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Mint(tenant, "agent-ann", ["agent"])), null, deadline.Token);
        using var clear = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Mint(tenant, "sue", ["supervisor"])), null, deadline.Token);

        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Masked feed"))).Expect(HttpStatusCode.Created).Id;
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/assignee", new { agentId = "li.lei@example.com" })).Expect(HttpStatusCode.OK);

        var agentSees = (await masked.ChangesAsync(2, deadline.Token))[1];
        var supervisorSees = (await clear.ChangesAsync(2, deadline.Token))[1];
        Assert.Equal((id, 2), agentSees.Change);
        Assert.Equal("l***@example.com", agentSees.Json.GetProperty("assignee").GetString());
        Assert.Equal("li.lei@example.com", supervisorSees.Json.GetProperty("assignee").GetString());
    });
}
