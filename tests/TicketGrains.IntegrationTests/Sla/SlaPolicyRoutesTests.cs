using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Sla;

/// <summary>PUT/GET of SLA policies and calendars over HTTP on a real silo and PostgreSQL, and the clocks they give new tickets.</summary>
[Collection(ApiCollection.Name)]
public sealed class SlaPolicyRoutesTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Calendars_and_policies_are_stored_as_versions_read_back_and_listed_in_order() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var api = cluster.Client(tenant, TestTokens.Mint(tenant, "sue", ["supervisor"]));

        Assert.Equal(1, (await api.PutAsync("/api/v1/calendars/office", SlaDocuments.OfficeCalendar())).Expect(HttpStatusCode.OK).Json.GetProperty("version").GetInt32());
        var second = (await api.PutAsync("/api/v1/calendars/office", SlaDocuments.OfficeCalendar("2026-10-01"))).Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/sla-policies/vip-refunds", SlaDocuments.VipRefunds(order: 20))).Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/sla-policies/everyone", new { order = 90, targets = new[] { new { metric = "first_reply", seconds = 7200 } } }))
            .Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/sla-policies/complaints", new { order = 10, targets = new[] { new { metric = "next_reply", seconds = 900 } } }))
            .Expect(HttpStatusCode.OK);

        var calendar = (await api.GetAsync("/api/v1/calendars/office")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((2, "sue", "Asia/Shanghai", "2026-10-01"), (calendar.GetProperty("version").GetInt32(), calendar.GetProperty("updatedBy").GetString(),
            calendar.GetProperty("document").GetProperty("timeZone").GetString(), calendar.GetProperty("document").GetProperty("holidays")[0].GetString()));
        Assert.Equal(second.Json.GetProperty("updatedAt").GetDateTimeOffset(), calendar.GetProperty("updatedAt").GetDateTimeOffset());
        var policy = (await api.GetAsync("/api/v1/sla-policies/vip-refunds")).Expect(HttpStatusCode.OK).Json.GetProperty("document");
        Assert.Equal(("office", 300, "escalations"), (policy.GetProperty("calendar").GetString(), policy.GetProperty("warnBeforeSeconds").GetInt32(),
            policy.GetProperty("escalation").GetProperty("queue").GetString()));
        Assert.Equal(["complaints", "vip-refunds", "everyone"], Names((await api.GetAsync("/api/v1/sla-policies")).Expect(HttpStatusCode.OK).Json));
        Assert.Equal(["office"], Names((await api.GetAsync("/api/v1/calendars")).Expect(HttpStatusCode.OK).Json));
        (await api.GetAsync("/api/v1/sla-policies/nothing")).Expect(HttpStatusCode.NotFound);
        Assert.Equal([1, 2], await cluster.Database.ColumnAsync<int>(
            "SELECT version FROM tg_sla_documents WHERE tenant_id = $1 AND kind = 'calendar' ORDER BY version", tenant));
    });

    [Fact]
    public Task A_bad_policy_or_calendar_is_refused_naming_each_bad_clause_by_json_pointer() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();

        var wrongType = await api.PutAsync("/api/v1/sla-policies/p", new { targets = new[] { new { metric = "first_reply", seconds = "soon" } } });
        var wrongClauses = await api.PutAsync("/api/v1/sla-policies/p", new
        {
            calendar = "office",
            targets = new object[] { new { metric = "first_response", seconds = 60 }, new { metric = "agent_work", seconds = 0, businessHours = true } },
        });
        var unknownCalendar = await api.PutAsync("/api/v1/sla-policies/p", new { calendar = "office", targets = new[] { new { metric = "first_reply", seconds = 60 } } });
        var badCalendar = await api.PutAsync("/api/v1/calendars/Office", new { timeZone = "Mars/Olympus", weeklyHours = Array.Empty<object>(), holidays = new[] { "1 Oct" } });

        Assert.Equal(["/targets/0/seconds"], wrongType.Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["/targets/0/metric", "/targets/1/seconds"], wrongClauses.Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["/calendar"], unknownCalendar.Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["/holidays/0", "/timeZone", "/weeklyHours", "name"], badCalendar.Expect(HttpStatusCode.BadRequest).ErrorFields);
        (await api.GetAsync("/api/v1/sla-policies/p")).Expect(HttpStatusCode.NotFound);
    });

    [Fact]
    public Task Policies_need_rules_manage() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "ann", ["agent"]));

        var refused = (await agent.PutAsync("/api/v1/calendars/office", SlaDocuments.OfficeCalendar())).Expect(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/v1/sla-policies")).Expect(HttpStatusCode.Forbidden);

        Assert.Contains("rules:manage", refused.Text, StringComparison.Ordinal);
    });

    [Fact]
    public Task A_ticket_matching_a_policy_shows_its_running_clocks_and_pending_pauses_them() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        (await api.PutAsync("/api/v1/calendars/office", SlaDocuments.OfficeCalendar())).Expect(HttpStatusCode.OK);
        (await api.PutAsync("/api/v1/sla-policies/vip-refunds", SlaDocuments.VipRefunds(order: 1))).Expect(HttpStatusCode.OK);

        var created = (await api.PostAsync(TicketRequests.Tickets, SlaDocuments.VipTicket("refund", "urgent"))).Expect(HttpStatusCode.Created);
        var other = (await api.PostAsync(TicketRequests.Tickets, SlaDocuments.VipTicket("logistics", "urgent"))).Expect(HttpStatusCode.Created);
        var pending = (await api.PostAsync($"{TicketRequests.Ticket(created.Id)}/status", new { status = "pending" })).Expect(HttpStatusCode.OK);

        Assert.Equal(["first_reply", "requester_wait", "agent_work", "total_resolution"], Metrics(created.Json));
        Assert.All(created.Json.GetProperty("slaClocks").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("pausedSince").ValueKind));
        // Business time: the urgent first reply is due ten working minutes on, whenever the ticket came in.
        var firstReplyDue = Clock(created.Json, "first_reply").GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(created.Json.GetProperty("slaDueAt").GetDateTimeOffset(), firstReplyDue);
        Assert.True(firstReplyDue >= created.Json.GetProperty("createdAt").GetDateTimeOffset().AddMinutes(10));
        Assert.Equal(["first_reply"], Metrics(other.Json));
        Assert.Equal(["first_reply", "requester_wait", "agent_work"],
            pending.Json.GetProperty("slaClocks").EnumerateArray().Where(c => c.GetProperty("pausedSince").ValueKind == JsonValueKind.String)
                .Select(c => c.GetProperty("metric").GetString()));
        Assert.Equal(JsonValueKind.Null, Clock(pending.Json, "total_resolution").GetProperty("pausedSince").ValueKind);
    });

    private static List<string?> Names(JsonElement list) => [.. list.EnumerateArray().Select(e => e.GetProperty("name").GetString())];

    private static List<string?> Metrics(JsonElement ticket) => [.. ticket.GetProperty("slaClocks").EnumerateArray().Select(c => c.GetProperty("metric").GetString())];

    private static JsonElement Clock(JsonElement ticket, string metric) =>
        ticket.GetProperty("slaClocks").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == metric);
}
