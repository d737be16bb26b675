using System.Collections.Concurrent;
using System.Net;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Rules;

namespace TicketGrains.IntegrationTests.Templates;

/// <summary>Scenario templates over HTTP on a real silo and PostgreSQL: export, import, apply, and a switch under load.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateSwitchTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string Templates = "/api/v1/templates";

    [Fact]
    public Task A_template_switch_under_load_changes_routing_with_no_ticket_lost_or_routed_twice() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        (await api.PostAsync($"{Templates}/double11/apply")).Expect(HttpStatusCode.OK);
        var created = new ConcurrentBag<(Guid Id, DateTimeOffset Sent, DateTimeOffset Answered)>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = DateTimeOffset.UtcNow;
                var id = await RuleRequests.CreateAsync(api, "refund");
                created.Add((id, sent, DateTimeOffset.UtcNow));
            }
        })).ToList();

        await Poll.UntilAsync("tickets before the switch", TimeSpan.FromSeconds(30), () => Task.FromResult(created.Count >= 40));
        var switchSent = DateTimeOffset.UtcNow;
        (await api.PostAsync($"{Templates}/everyday/apply")).Expect(HttpStatusCode.OK);
        var switchAnswered = DateTimeOffset.UtcNow;
        var before = created.Count;
        await Poll.UntilAsync("tickets after the switch", TimeSpan.FromSeconds(30), () => Task.FromResult(created.Count >= before + 40));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var listed = await ListedQueuesAsync(api);
        Assert.Equal(created.Select(c => c.Id).Order(), listed.Keys.Order());
        foreach (var (id, sent, answered) in created)
        {
            var events = await RuleRequests.EventsAsync(api, id);
            Assert.DoesNotContain(events, e => e.GetProperty("type").GetString() == "TicketRouted");
            var routed = RuleRequests.Data(events[0]).GetProperty("routed");
            Assert.Equal(listed[id], routed.GetProperty("queue").GetString());
            if (answered < switchSent)
            {
                Assert.Equal(("return-peak", "after-sales-surge"), (routed.GetProperty("ruleId").GetString(), listed[id]));
            }
            else if (sent > switchAnswered)
            {
                Assert.Equal(("builtin-after-sales", "after-sales"), (routed.GetProperty("ruleId").GetString(), listed[id]));
            }
        }

        output.WriteLine($"{created.Count} tickets, {created.Count(c => c.Sent > switchAnswered)} after the switch");
    });

    /// <summary>Every ticket of the tenant in the read model with its queue, page by page.</summary>
    private static async Task<Dictionary<Guid, string?>> ListedQueuesAsync(ApiClient api)
    {
        var listed = new Dictionary<Guid, string?>();
        string? cursor = null;
        do
        {
            var page = (await api.GetAsync($"{TicketRequests.Tickets}?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).Expect(HttpStatusCode.OK).Json;
            foreach (var t in page.GetProperty("items").EnumerateArray())
            {
                listed.Add(t.GetProperty("id").GetGuid(), t.GetProperty("queue").GetString());
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return listed;
    }

    [Fact]
    public Task A_template_apply_writes_its_sla_policy_and_queues_and_a_routed_ticket_runs_under_them() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        (await api.PostAsync($"{Templates}/double11/apply")).Expect(HttpStatusCode.OK);
        var policy = (await api.GetAsync("/api/v1/sla-policies/return-peak")).Expect(HttpStatusCode.OK).Json;
        var queue = (await api.GetAsync("/api/v1/queues/after-sales-surge")).Expect(HttpStatusCode.OK).Json;

        var ticket = (await api.GetAsync(TicketRequests.Ticket(await RuleRequests.CreateAsync(api, "refund")))).Expect(HttpStatusCode.OK).Json;

        Assert.Equal(2, policy.GetProperty("document").GetProperty("targets").GetArrayLength());
        Assert.Equal(1, queue.GetProperty("requiredSkills").GetProperty("after-sales").GetInt32());
        Assert.Equal(("after-sales-surge", "high"), (ticket.GetProperty("queue").GetString(), ticket.GetProperty("priority").GetString()));
        Assert.Equal(["after-sales"], ticket.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        // The routed priority chose the policy's high target: two hours to the first reply, not the default plan's.
        Assert.Equal(TimeSpan.FromHours(2), ticket.GetProperty("slaDueAt").GetDateTimeOffset() - ticket.GetProperty("createdAt").GetDateTimeOffset());
    });

    [Fact]
    public Task A_template_exports_imports_under_a_new_name_and_its_apply_defines_its_queues_and_is_audited() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var exported = (await api.GetAsync($"{Templates}/618")).Expect(HttpStatusCode.OK).Json.GetProperty("template");

        (await api.PutAsync($"{Templates}/my-618", exported)).Expect(HttpStatusCode.OK);
        var applied = (await api.PostAsync($"{Templates}/my-618/apply")).Expect(HttpStatusCode.OK).Json;
        var surge = (await api.GetAsync("/api/v1/queues/logistics-surge")).Expect(HttpStatusCode.OK).Json;
        var names = (await api.GetAsync(Templates)).Expect(HttpStatusCode.OK).Json.EnumerateArray().Select(t => t.GetProperty("name").GetString());
        var refused = (await api.PutAsync($"{Templates}/broken", RuleRequests.Json("""{"triggers":{"x":{"type":"time","status":"pending","afterSeconds":-1,"actions":[{"type":"notify","to":"lead"}]}}}""")))
            .Expect(HttpStatusCode.BadRequest);
        var audit = (await api.GetAsync("/api/v1/audit?action=template-apply")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(["logistics-delay-reply", "logistics-surge", "presale-surge", "vip-fast-lane"], applied.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(1, surge.GetProperty("requiredSkills").GetProperty("logistics").GetInt32());
        Assert.Equal(("general", 600), (surge.GetProperty("overflowQueue").GetString(), surge.GetProperty("overflowAfterSeconds").GetInt32()));
        Assert.Equal(["618", "double11", "everyday", "my-618"], names);
        Assert.Equal(["/triggers/x/actions/0/body", "/triggers/x/afterSeconds"], refused.ErrorFields);
        Assert.Equal("template:my-618", Assert.Single(audit).GetProperty("target").GetString());
    });
}
