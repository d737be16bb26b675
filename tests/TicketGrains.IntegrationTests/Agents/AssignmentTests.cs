using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using static TicketGrains.IntegrationTests.Agents.Assignments;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>Queues, agents and assignment on a real silo, PostgreSQL and HTTP.</summary>
public sealed class AssignmentTests(AssignmentFixture cluster, ITestOutputHelper output) : IClassFixture<AssignmentFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Vip_ticket_jumps_the_queue() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await DefineQueueAsync(api, "general", new { order = new[] { "tier", "wait" } });
        var regular = await CreateAsync(api, "Waited longest");
        var gold = await CreateAsync(api, "Gold customer", tier: "gold");
        var vip = await CreateAsync(api, "VIP customer", tier: "vip");

        // The VIP lane comes first for an agent serving every queue; within a queue ordered by tier, gold beats a longer wait.
        var pulled = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            pulled.Add((await api.PostAsync("/api/v1/agents/ann/next")).Expect(HttpStatusCode.OK).Id);
        }

        Assert.Equal([vip, gold, regular], pulled);
    });

    [Fact]
    public Task Capacity_is_never_exceeded_under_50_concurrent_pulls() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await DefineAgentAsync(api, "ann", new { capacity = new { chat = 3, email = 1 }, queues = new[] { "general" } });
        for (var i = 0; i < 6; i++)
        {
            await CreateAsync(api, $"Chat {i}");
            await CreateAsync(api, $"Mail {i}", channel: "email");
        }

        var pulls = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.PostAsync("/api/v1/agents/ann/next")));

        Assert.Equal(4, pulls.Count(p => p.Status == HttpStatusCode.OK));
        Assert.Equal(46, pulls.Count(p => p.Status == HttpStatusCode.NoContent));
        var handed = pulls.Where(p => p.Status == HttpStatusCode.OK).Select(p => p.String("channel")).Order().ToList();
        Assert.Equal(["email", "web", "web", "web"], handed);
        Assert.Equal(4, (await HeldByAsync(api, "ann")).Count);
        var load = (await api.GetAsync("/api/v1/agents/ann")).Expect(HttpStatusCode.OK).Json.GetProperty("load");
        Assert.Equal((3, 1), (load.GetProperty("chat").GetInt32(), load.GetProperty("email").GetInt32()));
    });

    [Fact]
    public Task Capacity_holds_when_pushed_offers_and_concurrent_pulls_meet() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await DefineQueueAsync(api, "general", new { strategy = "push", offerTimeoutSeconds = 600 });
        await DefineAgentAsync(api, "ann", new { capacity = new { chat = 3 }, queues = new[] { "general", "complaints" } });
        for (var i = 0; i < 8; i++)
        {
            await CreateAsync(api, $"Pulled {i}", category: "complaint");
        }

        // Offers from the push queue race the pulls; nothing is released, so what ann holds at the end is the most she ever held.
        var pushed = Enumerable.Range(0, 8).Select(i => CreateAsync(api, $"Pushed {i}")).ToList();
        var pulls = Enumerable.Range(0, 50).Select(_ => api.PostAsync("/api/v1/agents/ann/next")).ToList();
        await Task.WhenAll(pushed);
        await Task.WhenAll(pulls);
        await Poll.UntilAsync("ann to be full", Deadline, async () => (await HeldByAsync(api, "ann")).Count >= 3);

        Assert.Equal(3, (await HeldByAsync(api, "ann")).Count);
        Assert.Equal(3, (await api.GetAsync("/api/v1/agents/ann")).Expect(HttpStatusCode.OK).Json.GetProperty("load").GetProperty("chat").GetInt32());
        Assert.All(pulls, p => Assert.Contains(p.Result.Status, new[] { HttpStatusCode.OK, HttpStatusCode.NoContent }));
    });

    [Fact]
    public Task Round_robin_is_fair_to_within_one_ticket() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        string[] agents = ["ann", "bob", "cat"];
        await DefineQueueAsync(api, "general", new { strategy = "push", pushStrategy = "round-robin", offerTimeoutSeconds = 600 });
        foreach (var agent in agents)
        {
            await DefineAgentAsync(api, agent, new { capacity = new { chat = 20 }, queues = new[] { "general" } });
        }

        for (var i = 0; i < 10; i++)
        {
            await CreateAsync(api, $"Pushed {i}");
        }

        var counts = new Dictionary<string, int>();
        await Poll.UntilAsync("all 10 tickets to be offered", Deadline, async () =>
        {
            foreach (var agent in agents)
            {
                counts[agent] = (await HeldByAsync(api, agent)).Count;
            }

            return counts.Values.Sum() == 10;
        });
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(counts.Values.Max() - counts.Values.Min() <= 1, string.Join(", ", counts));
    });

    [Fact]
    public Task Skill_matching_widens_after_its_timeout() => cluster.RunAsync(output, async () =>
    {
        const int widenAfterSeconds = 5;
        var api = cluster.FreshTenant();
        await DefineQueueAsync(api, "general", new { requiredSkills = new { refund = 3 }, widenAfterSeconds });
        await DefineAgentAsync(api, "novice", new { skills = new { refund = 1 }, queues = new[] { "general" } });
        await DefineAgentAsync(api, "expert", new { skills = new { refund = 3 }, queues = new[] { "general" } });
        var forExpert = await CreateAsync(api, "Needs an expert now");
        Assert.Equal(forExpert, (await api.PostAsync("/api/v1/agents/expert/next")).Expect(HttpStatusCode.OK).Id);

        var waiting = await CreateAsync(api, "Widens later");
        var createdAt = (await api.GetAsync(TicketRequests.Ticket(waiting))).Expect(HttpStatusCode.OK).Json.GetProperty("createdAt").GetDateTimeOffset();
        var early = await api.PostAsync("/api/v1/agents/novice/next");
        var askedBy = DateTimeOffset.UtcNow;
        Assert.True(askedBy < createdAt.AddSeconds(widenAfterSeconds), "The machine was too slow to ask before the widening time.");
        early.Expect(HttpStatusCode.NoContent);

        ApiResponse? pulled = null;
        await Poll.UntilAsync("the ticket to widen to the novice", Deadline, async () =>
            (pulled = await api.PostAsync("/api/v1/agents/novice/next")).Status == HttpStatusCode.OK);
        Assert.Equal((waiting, "novice"), (pulled!.Id, pulled.String("assignee")));
        Assert.True(DateTimeOffset.UtcNow >= createdAt.AddSeconds(widenAfterSeconds));
    });

    [Fact]
    public Task An_unaccepted_offer_returns_and_skips_that_agent() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        await DefineQueueAsync(api, "general", new { strategy = "push", offerTimeoutSeconds = 2 });
        await DefineAgentAsync(api, "ann", new { capacity = new { chat = 5 }, queues = new[] { "general" } });
        await DefineAgentAsync(api, "bob", new { capacity = new { chat = 1 }, queues = new[] { "general" } });

        var ticket = await CreateAsync(api, "Offered around");

        // Most spare capacity offers it to ann first; she never answers, so it comes back and goes to bob, never to ann again.
        await Poll.UntilAsync("the offer to reach bob", Deadline, async () => await AssigneeAsync(api, ticket) == "bob");
        Assert.Equal(["TicketCreated", "TicketClaimed", "ClaimReturned", "TicketClaimed"], await EventTypesAsync(api, ticket));
        (await api.PostAsync($"/api/v1/agents/ann/offers/{ticket}/accept")).Expect(HttpStatusCode.Conflict);
        Assert.Equal("bob", (await api.PostAsync($"/api/v1/agents/bob/offers/{ticket}/accept")).Expect(HttpStatusCode.OK).String("assignee"));

        var declined = await CreateAsync(api, "Declined by ann");
        await Poll.UntilAsync("the second ticket to be offered to ann", Deadline, async () => await AssigneeAsync(api, declined) == "ann");
        (await api.PostAsync($"/api/v1/agents/ann/offers/{declined}/decline")).Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the declined ticket to wait without ann", Deadline, async () =>
            (await EventTypesAsync(api, declined)).Count == 3 && await AssigneeAsync(api, declined) is null);
        Assert.Null(await AssigneeAsync(api, declined));
    });

    [Fact]
    public Task An_offline_agents_unstarted_tickets_are_requeued() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var ann = cluster.Client(api.Tenant, TestTokens.Mint(api.Tenant!, "ann", ["agent"]));
        await DefineAgentAsync(api, "ann", new { queues = new[] { "general" } });
        var started = await CreateAsync(api, "Ann replies to this one");
        var unstarted = await CreateAsync(api, "Ann never touches this one");
        foreach (var expected in new[] { started, unstarted })
        {
            Assert.Equal(expected, (await ann.PostAsync("/api/v1/agents/ann/next")).Expect(HttpStatusCode.OK).Id);
            (await ann.PostAsync($"/api/v1/agents/ann/tickets/{expected}/accept")).Expect(HttpStatusCode.OK);
        }

        (await ann.PostAsync($"{TicketRequests.Ticket(started)}/messages", new { author = "ann", body = "On it.", @internal = false }))
            .Expect(HttpStatusCode.OK);

        var profile = (await api.PutAsync("/api/v1/agents/ann/presence", new { presence = "offline" })).Expect(HttpStatusCode.OK);

        Assert.Equal("offline", profile.String("presence"));
        Assert.Equal([started], await HeldByAsync(api, "ann"));
        Assert.Equal("TicketRequeued", (await EventTypesAsync(api, unstarted))[^1]);
        Assert.Equal(unstarted, (await api.PostAsync("/api/v1/agents/bob/next")).Expect(HttpStatusCode.OK).Id);
        (await ann.PostAsync("/api/v1/agents/ann/next")).Expect(HttpStatusCode.Conflict);
    });

    [Fact]
    public Task A_ticket_waiting_past_the_overflow_time_moves_to_the_overflow_queue() => cluster.RunAsync(output, async () =>
    {
        const int overflowAfterSeconds = 3;
        var api = cluster.FreshTenant();
        await DefineQueueAsync(api, "general", new { overflowQueue = "backup", overflowAfterSeconds });
        await DefineAgentAsync(api, "bob", new { queues = new[] { "backup" } });
        var ticket = await CreateAsync(api, "Nobody in general picks this up");
        var createdAt = (await api.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("createdAt").GetDateTimeOffset();

        ApiResponse? pulled = null;
        await Poll.UntilAsync("the ticket to reach the backup queue", Deadline, async () =>
            (pulled = await api.PostAsync("/api/v1/agents/bob/next")).Status == HttpStatusCode.OK);

        Assert.Equal((ticket, "backup", "bob"), (pulled!.Id, pulled.String("queue"), pulled.String("assignee")));
        Assert.Equal(["TicketCreated", "TicketOverflowed", "TicketClaimed"], await EventTypesAsync(api, ticket));
        Assert.True(DateTimeOffset.UtcNow >= createdAt.AddSeconds(overflowAfterSeconds));
    });

    [Fact]
    public Task A_bad_queue_or_agent_definition_is_400_naming_the_clause_and_changes_nothing() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var badOrder = (await api.PutAsync("/api/v1/queues/general", new { order = new[] { "priority", "mood" } })).Expect(HttpStatusCode.BadRequest);
        var badStrategy = (await api.PutAsync("/api/v1/queues/general", new { strategy = "lottery" })).Expect(HttpStatusCode.BadRequest);
        var badSkill = (await api.PutAsync("/api/v1/queues/general", new { requiredSkills = new { refund = 0 } })).Expect(HttpStatusCode.BadRequest);
        var badKind = (await api.PutAsync("/api/v1/agents/ann", new { capacity = new { fax = 1 } })).Expect(HttpStatusCode.BadRequest);
        var badPresence = (await api.PutAsync("/api/v1/agents/ann/presence", new { presence = "asleep" })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["/order/1"], badOrder.ErrorFields);
        Assert.Equal(["/strategy"], badStrategy.ErrorFields);
        Assert.Equal(["/requiredSkills/refund"], badSkill.ErrorFields);
        Assert.Equal(["/capacity/fax"], badKind.ErrorFields);
        Assert.Equal(["presence"], badPresence.ErrorFields);
        var stored = (await api.GetAsync("/api/v1/queues/general")).Expect(HttpStatusCode.OK);
        Assert.Equal(("pull", "priority,wait"), (stored.String("strategy"), string.Join(",", stored.Json.GetProperty("order").EnumerateArray().Select(o => o.GetString()))));
    });
}
