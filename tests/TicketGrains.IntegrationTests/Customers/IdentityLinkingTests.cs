using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.Customers;

/// <summary>
/// Identity resolution end to end on a real silo and PostgreSQL through signed channel requests: an order number given
/// on a second channel links the two customers, a family's shared phone is only proposed, a merge by hand is undone
/// exactly and audited, and the customer context is masked without pii:read.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdentityLinkingTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static string NewUser() => "u-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A message is linked after its ticket work: waits until the linker recorded the keys of the messages so far.</summary>
    private Task KeysRecordedAsync(string tenant, int count) => Poll.UntilAsync($"{count} keys recorded", Deadline, async () =>
        (await cluster.Database.ColumnAsync<long>("SELECT count(*) FROM tg_identity_keys WHERE tenant_id = $1", tenant)).Single() >= count);

    private static string NewOrder() => "2026" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999);

    [Fact]
    public Task A_customer_who_writes_in_the_app_then_calls_with_the_same_order_number_is_one_customer() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var (app, appChannel) = await ChannelPoster.CreateAsync(cluster.Http, admin);
        var (phone, phoneChannel) = await ChannelPoster.CreateAsync(cluster.Http, admin, "phone");
        var (user, caller, order) = (NewUser(), "+86139" + Random.Shared.Next(10_000_000, 99_999_999), NewOrder());
        (await app.PostAsync(appChannel, AppRequests.Text("a-1", user, $"订单号：{order} 还没发货", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var appCustomer = (await InboundTickets.OfAsync(admin, user, "app")).GetProperty("customerId").GetGuid();
        await KeysRecordedAsync(admin.Tenant!, 1);

        (await phone.PostAsync(phoneChannel, AppRequests.VoiceNote("c-1", caller, $"我的订单 {order} 到底什么时候发", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        JsonElement context = default;
        await Poll.UntilAsync("the call's ticket in the app customer's context", Deadline, async () =>
        {
            context = (await admin.GetAsync($"/api/v1/customers?channel=phone&externalId={Uri.EscapeDataString(caller)}")).Json;
            return context.TryGetProperty("recentTickets", out var tickets) && tickets.GetArrayLength() == 2;
        });
        Assert.Equal(appCustomer, context.GetProperty("id").GetGuid());
        Assert.Equal([("app", user), ("phone", caller)], context.GetProperty("identities").EnumerateArray()
            .Select(i => (i.GetProperty("channel").GetString(), i.GetProperty("externalId").GetString())));
        Assert.Equal(["app", "phone"], context.GetProperty("recentTickets").EnumerateArray().Select(t => t.GetProperty("channel").GetString()).Order());
        Assert.Equal([order], context.GetProperty("ordersMentioned").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(order, context.GetProperty("lastOrderNo").GetString());
        var merge = Assert.Single(context.GetProperty("merges").EnumerateArray());
        Assert.Equal("linker", merge.GetProperty("by").GetString());
        Assert.Equal("the contact's order number belongs to this customer alone", merge.GetProperty("reason").GetString());
        var keys = await cluster.Database.ColumnAsync<string>("SELECT key_hash FROM tg_identity_keys WHERE tenant_id = $1", admin.Tenant!);
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.DoesNotContain(order, k, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k));
    });

    [Fact]
    public Task A_phone_shared_by_a_family_is_proposed_and_not_merged() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var (app, channel) = await ChannelPoster.CreateAsync(cluster.Http, admin);
        var (father, daughter) = (NewUser(), NewUser());
        (await app.PostAsync(channel, AppRequests.Text("f-1", father, $"订单 {NewOrder()} 要退货，电话 010-62345678", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var fatherId = (await InboundTickets.OfAsync(admin, father, "app")).GetProperty("customerId").GetGuid();
        await KeysRecordedAsync(admin.Tenant!, 2);

        (await app.PostAsync(channel, AppRequests.Text("d-1", daughter, $"order {NewOrder()} is late, call 010-62345678", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var daughterId = (await InboundTickets.OfAsync(admin, daughter, "app")).GetProperty("customerId").GetGuid();

        JsonElement proposals = default;
        await Poll.UntilAsync("a link proposal", Deadline, async () =>
            (proposals = (await admin.GetAsync($"/api/v1/customers/{fatherId}/link-proposals")).Expect(HttpStatusCode.OK).Json).GetArrayLength() == 1);
        var proposal = proposals[0];
        Assert.Equal((daughterId, fatherId), (proposal.GetProperty("customerId").GetGuid(), proposal.GetProperty("otherCustomerId").GetGuid()));
        Assert.Equal(["phone"], proposal.GetProperty("keyKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("a phone number alone does not link: families and shops share one", proposal.GetProperty("reason").GetString());
        Assert.Equal(1, (await admin.GetAsync($"/api/v1/customers/{daughterId}/link-proposals")).Json.GetArrayLength());
        Assert.Equal(daughterId, (await admin.GetAsync($"/api/v1/customers/{daughterId}")).Expect(HttpStatusCode.OK).Id);
        Assert.Empty((await admin.GetAsync($"/api/v1/customers/{fatherId}")).Json.GetProperty("merges").EnumerateArray());
    });

    [Fact]
    public Task Merge_then_unmerge_restores_both_customers_exactly_and_both_are_audited() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var supervisor = cluster.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "sam", roles: ["supervisor"]));
        var (app, channel) = await ChannelPoster.CreateAsync(cluster.Http, admin);
        var (first, second) = (NewUser(), NewUser());
        (await app.PostAsync(channel, AppRequests.Text("m-1", first, $"订单 {NewOrder()} 没到", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        (await app.PostAsync(channel, AppRequests.Text("m-2", second, "hello, anyone there?", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var a = (await InboundTickets.OfAsync(admin, first, "app")).GetProperty("customerId").GetGuid();
        var b = (await InboundTickets.OfAsync(admin, second, "app")).GetProperty("customerId").GetGuid();
        var (beforeA, beforeB) = ((await admin.GetAsync($"/api/v1/customers/{a}")).Text, (await admin.GetAsync($"/api/v1/customers/{b}")).Text);

        var merge = (await supervisor.PostAsync($"/api/v1/customers/{a}/merge", new { customerId = b })).Expect(HttpStatusCode.OK).Json;
        var merged = (await admin.GetAsync($"/api/v1/customers/{b}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((a, b, "sam"), (merged.GetProperty("id").GetGuid(), merge.GetProperty("mergedId").GetGuid(), merge.GetProperty("by").GetString()));
        Assert.Equal(2, merged.GetProperty("identities").GetArrayLength());
        Assert.Equal(2, merged.GetProperty("recentTickets").GetArrayLength());
        var mergeId = merge.GetProperty("mergeId").GetString();

        var undone = (await supervisor.PostAsync($"/api/v1/customers/{b}/unmerge", new { mergeId })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("sam", undone.GetProperty("unmergedBy").GetString());
        Assert.Equal(beforeA, (await admin.GetAsync($"/api/v1/customers/{a}")).Text);
        Assert.Equal(beforeB, (await admin.GetAsync($"/api/v1/customers/{b}")).Text);

        var auditor = cluster.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "audit", roles: ["auditor"]));
        var merges = (await auditor.GetAsync($"/api/v1/audit?action=customer-merge&target=customer:{a}")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        var unmerges = (await auditor.GetAsync($"/api/v1/audit?action=customer-unmerge&target=customer:{b}")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        Assert.Equal($"merge={mergeId}; survivor={a}; merged={b}; personal data shown unmasked", Assert.Single(merges.EnumerateArray()).GetProperty("detail").GetString());
        Assert.Equal(("sam", $"merge={mergeId}; survivor={a}; merged={b}; unmerged; personal data shown unmasked"),
            (Assert.Single(unmerges.EnumerateArray()).GetProperty("actor").GetString(), unmerges[0].GetProperty("detail").GetString()));
    });

    [Fact]
    public Task Bad_merges_get_a_problem_naming_the_field() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var agent = cluster.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "amy", roles: ["agent"]));
        var (app, channel) = await ChannelPoster.CreateAsync(cluster.Http, admin);
        var (first, second) = (NewUser(), NewUser());
        (await app.PostAsync(channel, AppRequests.Text("b-1", first, "hi", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        (await app.PostAsync(channel, AppRequests.Text("b-2", second, "hi", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var a = (await InboundTickets.OfAsync(admin, first, "app")).GetProperty("customerId").GetGuid();
        var b = (await InboundTickets.OfAsync(admin, second, "app")).GetProperty("customerId").GetGuid();
        var mergeId = (await admin.PostAsync($"/api/v1/customers/{a}/merge", new { customerId = b })).Expect(HttpStatusCode.OK).Json.GetProperty("mergeId").GetString();
        (await admin.PostAsync($"/api/v1/customers/{a}/unmerge", new { mergeId })).Expect(HttpStatusCode.OK);

        Assert.Equal(["customerId"], (await admin.PostAsync($"/api/v1/customers/{a}/merge", new { customerId = a })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["customerId"], (await admin.PostAsync($"/api/v1/customers/{a}/merge", new { customerId = Guid.NewGuid() })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["customerId"], (await admin.PostAsync($"/api/v1/customers/{a}/merge", new { customerId = "not-a-uuid" })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["customerId"], (await admin.PostAsync($"/api/v1/customers/{a}/merge", new { })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        Assert.Equal(["mergeId"], (await admin.PostAsync($"/api/v1/customers/{a}/unmerge", new { mergeId = Guid.NewGuid() })).Expect(HttpStatusCode.BadRequest).ErrorFields);
        var twice = (await admin.PostAsync($"/api/v1/customers/{b}/unmerge", new { mergeId })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["mergeId"], twice.ErrorFields);
        (await admin.PostAsync($"/api/v1/customers/{Guid.NewGuid()}/merge", new { customerId = a })).Expect(HttpStatusCode.NotFound);
        Assert.Equal("Missing permission: customers:merge.",
            (await agent.PostAsync($"/api/v1/customers/{a}/merge", new { customerId = b })).Expect(HttpStatusCode.Forbidden).String("detail"));
    });

    [Fact]
    public Task The_customer_context_is_masked_without_pii_read() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var agent = cluster.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "amy", roles: ["agent"]));
        var (phone, channel) = await ChannelPoster.CreateAsync(cluster.Http, admin, "phone");
        var caller = "13912345678";
        (await phone.PostAsync(channel, AppRequests.VoiceNote("v-1", caller, "回电 13912345678", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var id = (await InboundTickets.OfAsync(admin, caller, "phone")).GetProperty("customerId").GetGuid();

        var masked = (await agent.GetAsync($"/api/v1/customers/{id}")).Expect(HttpStatusCode.OK).Json;
        var clear = (await admin.GetAsync($"/api/v1/customers/{id}")).Expect(HttpStatusCode.OK).Json;

        Assert.Equal("139****5678", masked.GetProperty("identities")[0].GetProperty("externalId").GetString());
        Assert.Equal("回电 139****5678", masked.GetProperty("recentTickets")[0].GetProperty("subject").GetString());
        Assert.Equal(caller, clear.GetProperty("identities")[0].GetProperty("externalId").GetString());
        Assert.Equal("回电 13912345678", clear.GetProperty("recentTickets")[0].GetProperty("subject").GetString());
    });

    [Fact]
    public Task A_ticket_created_through_the_api_with_an_order_number_links_the_customer_who_then_writes_in_the_app() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var (app, channel) = await ChannelPoster.CreateAsync(cluster.Http, admin);
        var (shopper, user, order) = ("web-" + NewUser(), NewUser(), NewOrder());
        var created = (await admin.PostAsync(TicketRequests.Tickets, new
        {
            channel = "web", customer = new { externalId = shopper, phone = "13712345678" }, subject = "退款", body = "请退款",
            fields = new Dictionary<string, string> { ["orderNo"] = order, ["shipping_address"] = "浙江省杭州市西湖区文三路 90 号" },
        })).Expect(HttpStatusCode.Created);
        var webCustomer = created.Json.GetProperty("customerId").GetGuid();
        await KeysRecordedAsync(admin.Tenant!, 2);

        (await app.PostAsync(channel, AppRequests.Text("w-1", user, $"order {order} refund?", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        await Poll.UntilAsync("the app customer answering as the web customer", Deadline, async () =>
            (await admin.GetAsync($"/api/v1/customers?channel=app&externalId={user}")) is { Status: HttpStatusCode.OK } found && found.Id == webCustomer);
        var context = (await admin.GetAsync($"/api/v1/customers/{webCustomer}")).Json;
        Assert.Equal(("13712345678", "浙江省杭州市西湖区文三路 90 号"), (context.GetProperty("phone").GetString(), context.GetProperty("address").GetString()));
        Assert.Equal(2, context.GetProperty("identities").GetArrayLength());
        var agent = cluster.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "amy", roles: ["agent"]));
        var masked = (await agent.GetAsync($"/api/v1/customers/{webCustomer}")).Json;
        Assert.Equal(("137****5678", "浙江省杭州市西湖区****"), (masked.GetProperty("phone").GetString(), masked.GetProperty("address").GetString()));
    });
}
