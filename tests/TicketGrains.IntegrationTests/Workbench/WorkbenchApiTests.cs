using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// The routes the workbench's second part added, over real HTTP: macros (validated, per tenant, written by supervisors),
/// tickets per hour by channel and category, the active template in the template list, and the masked view a caller
/// with pii:read may ask for (not audited, unlike the reveal).
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchApiTests(WorkbenchFixture product, ITestOutputHelper output)
{
    [Fact]
    public Task Macros_are_validated_kept_per_tenant_written_by_supervisors_and_deleted() => product.RunAsync(output, async () =>
    {
        var (admin, other) = (product.FreshTenant(), product.FreshTenant());
        var agent = product.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "al", ["agent"]));

        var put = (await admin.PutAsync("/api/v1/macros/refund-eta", new { title = " Refund ETA ", body = "Refunds reach you in 3-5 days.\nThanks!", status = "solved", @internal = false }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(("refund-eta", "Refund ETA", "solved"), (put.String("id"), put.String("title"), put.String("status")));
        var bad = (await admin.PutAsync("/api/v1/macros/x", new { title = "", body = "ok", status = "done" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["status", "title"], bad.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        (await admin.PutAsync("/api/v1/macros/not%20a%20name", new { title = "t", body = "b" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsync("/api/v1/macros/mine", new { title = "t", body = "b" })).Status);

        var listed = (await agent.GetAsync("/api/v1/macros")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["refund-eta"], listed.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal(0, (await other.GetAsync("/api/v1/macros")).Expect(HttpStatusCode.OK).Json.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/macros/refund-eta"))).Status);

        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/macros/refund-eta"))).Expect(HttpStatusCode.NoContent);
        Assert.Equal(0, (await admin.GetAsync("/api/v1/macros")).Expect(HttpStatusCode.OK).Json.GetArrayLength());
        var audited = (await admin.GetAsync("/api/v1/audit?action=macro-change")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        Assert.Equal(["macro:refund-eta", "macro:refund-eta"], audited.EnumerateArray().Select(e => e.GetProperty("target").GetString()));
    });

    [Fact]
    public Task Tickets_per_hour_count_by_channel_and_category_for_supervisors_only() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("One", "refund"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Two", "refund"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync(TicketRequests.Tickets, WorkbenchAgentTests.WeChatTicket("三", "物流"))).Expect(HttpStatusCode.Created);
        var now = DateTimeOffset.UtcNow;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var span = $"from={Uri.EscapeDataString(hour.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(hour.AddHours(2).ToString("O"))}";

        var report = (await admin.GetAsync($"/api/v1/reports/tickets-per-hour?{span}")).Expect(HttpStatusCode.OK).Json;
        var byChannel = report.GetProperty("byChannel").EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("tickets").GetInt32())).ToList();
        var byCategory = report.GetProperty("byCategory").EnumerateArray().Select(c => (c.GetProperty("key").GetString(), c.GetProperty("tickets").GetInt32())).ToList();
        // The three were created in this hour or, across an hour's turn, the next: sum over the hours.
        Assert.Equal([("web", 2), ("wechat", 1)], byChannel.GroupBy(c => c.Item1).Select(g => (g.Key, g.Sum(c => c.Item2))).OrderBy(c => c.Key));
        Assert.Equal([("logistics", 1), ("refund", 2)], byCategory.GroupBy(c => c.Item1).Select(g => (g.Key, g.Sum(c => c.Item2))).OrderBy(c => c.Key));

        var noZone = (await admin.GetAsync("/api/v1/reports/tickets-per-hour?from=2026-11-11T00:00:00&to=2026-11-12T00:00:00Z")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["from"], noZone.Json.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var agent = product.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "al", ["agent"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/v1/reports/tickets-per-hour?{span}")).Status);
    });

    [Fact]
    public Task The_template_list_names_the_active_template_with_who_applied_it() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var before = (await admin.GetAsync("/api/v1/templates")).Expect(HttpStatusCode.OK).Json;
        Assert.All(before.EnumerateArray(), t => Assert.False(t.GetProperty("active").GetBoolean()));

        (await admin.PostAsync("/api/v1/templates/618/apply")).Expect(HttpStatusCode.OK);
        (await admin.PostAsync("/api/v1/templates/double11/apply")).Expect(HttpStatusCode.OK);

        var after = (await admin.GetAsync("/api/v1/templates")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
        var active = Assert.Single(after, t => t.GetProperty("active").GetBoolean());
        Assert.Equal(("double11", "it-admin"), (active.GetProperty("name").GetString(), active.GetProperty("appliedBy").GetString()));
    });

    [Fact]
    public Task A_caller_with_pii_read_may_ask_for_the_masked_customer_which_is_not_audited() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var customer = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Masked please"))).Expect(HttpStatusCode.Created).Json.GetProperty("customerId").GetGuid();

        var masked = (await admin.GetAsync($"/api/v1/customers/{customer}?masked=true")).Expect(HttpStatusCode.OK);
        var plain = (await admin.GetAsync($"/api/v1/customers/{customer}")).Expect(HttpStatusCode.OK);
        var revealed = (await admin.PostAsync($"/api/v1/customers/{customer}/reveal")).Expect(HttpStatusCode.OK);

        Assert.NotEqual("li.lei@example.com", masked.String("email"));
        Assert.Equal(("li.lei@example.com", "li.lei@example.com"), (plain.String("email"), revealed.String("email")));
        var entries = (await admin.GetAsync($"/api/v1/audit?target=customer:{customer}")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        Assert.Equal(["read-unmasked", "reveal"], entries.EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order());
    });
}
