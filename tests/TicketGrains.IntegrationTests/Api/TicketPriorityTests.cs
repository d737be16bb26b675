using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>POST /api/v1/tickets/{id}/priority: the SLA clocks, the queue, the list, the live feed and the audit log follow.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketPriorityTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan FeedDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public Task A_new_priority_moves_the_first_reply_due_time_the_list_the_feed_and_is_audited() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));
        using var deadline = new CancellationTokenSource(FeedDeadline);
        using var feed = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Admin(tenant)), null, deadline.Token);
        var created = (await agent.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Parcel stuck at customs"))).Expect(HttpStatusCode.Created);
        var createdAt = created.Json.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(createdAt.AddHours(24), FirstReplyDue(created.Json));

        var changed = (await agent.PostAsync($"{TicketRequests.Ticket(created.Id)}/priority", new { priority = "urgent" })).Expect(HttpStatusCode.OK);

        // The default targets: 24 hours for a normal ticket, one hour for an urgent one, counted from the creation.
        Assert.Equal(("urgent", 2), (changed.String("priority"), changed.Json.GetProperty("version").GetInt32()));
        Assert.Equal(createdAt.AddHours(1), FirstReplyDue(changed.Json));
        var history = (await agent.GetAsync($"{TicketRequests.Ticket(created.Id)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var logged = JsonDocument.Parse(history[^1].GetProperty("data").GetString()!).RootElement;
        Assert.Equal(("PriorityChanged", "normal", "urgent", "agent-ann"), (history[^1].GetProperty("type").GetString(),
            logged.GetProperty("from").GetString(), logged.GetProperty("to").GetString(), logged.GetProperty("actor").GetString()));

        var listed = (await agent.GetAsync($"/api/v1/tickets?slaDueBefore={Uri.EscapeDataString(createdAt.AddHours(2).ToString("O"))}"))
            .Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal((created.Id, "urgent"), (listed.GetProperty("id").GetGuid(), listed.GetProperty("priority").GetString()));

        var live = (await feed.ChangesAsync(2, deadline.Token))[^1];
        Assert.Equal((created.Id, 2), live.Change);
        Assert.Equal(("PriorityChanged", "urgent"), (live.Json.GetProperty("eventType").GetString(), live.Json.GetProperty("priority").GetString()));

        var audit = (await cluster.Client(tenant, TestTokens.Mint(tenant, "audrey", ["auditor"])).GetAsync("/api/v1/audit?action=change-priority"))
            .Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("agent-ann", $"ticket:{created.Id}", "status=new; assignee=-; version=2"),
            (audit.GetProperty("actor").GetString(), audit.GetProperty("target").GetString(), audit.GetProperty("detail").GetString()));
    });

    [Fact]
    public Task A_raised_priority_puts_a_waiting_ticket_ahead_in_its_queue() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var earlierLow = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Gift wrap?", priority: "low"))).Expect(HttpStatusCode.Created).Id;
        var laterNormal = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Size chart"))).Expect(HttpStatusCode.Created).Id;

        (await api.PostAsync($"{TicketRequests.Ticket(earlierLow)}/priority", new { priority = "high" })).Expect(HttpStatusCode.OK);

        // Without the change the normal ticket would come first: the queue orders by priority, then arrival.
        Assert.Equal(earlierLow, (await api.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK).Id);
        Assert.Equal(laterNormal, (await api.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK).Id);
    });

    [Fact]
    public Task The_same_priority_appends_nothing_and_answers_the_ticket() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Same again", priority: "high"))).Expect(HttpStatusCode.Created).Id;

        var same = (await api.PostAsync($"{TicketRequests.Ticket(id)}/priority", new { priority = "high" })).Expect(HttpStatusCode.OK);

        Assert.Equal(("high", 1), (same.String("priority"), same.Json.GetProperty("version").GetInt32()));
        Assert.Single((await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray());
    });

    [Fact]
    public Task Bad_priorities_name_the_field_an_unknown_ticket_is_404_and_a_closed_one_409() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Refund please"))).Expect(HttpStatusCode.Created).Id;
        var route = $"{TicketRequests.Ticket(id)}/priority";

        Assert.Equal(["priority"], (await api.PostAsync(route, new { })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["priority"], (await api.PostAsync(route, new { priority = "critical" })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["priority"], (await api.PostAsync(route, new { priority = 3 })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        (await api.PostAsync($"{TicketRequests.Ticket(Guid.NewGuid())}/priority", new { priority = "high" })).Expect(HttpStatusCode.NotFound);
        foreach (var status in new[] { "solved", "closed" })
        {
            (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status })).Expect(HttpStatusCode.OK);
        }

        var closed = (await api.PostAsync(route, new { priority = "urgent" })).Expect(HttpStatusCode.Conflict);

        Assert.Equal("A closed ticket keeps its priority: only a new, open, pending or on_hold ticket changes it.", closed.String("detail"));
        Assert.Equal("normal", (await api.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).String("priority"));
    });

    private static DateTimeOffset FirstReplyDue(JsonElement ticket) =>
        ticket.GetProperty("slaClocks").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "first_reply").GetProperty("dueAt").GetDateTimeOffset();
}
