using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>GET /api/v1/customers?channel=&amp;externalId=: a phone number finds its customer though only its keyed hash is stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerLookupTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_phone_number_finds_its_customer_masked_for_agents_and_unknown_ones_find_nothing() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var admin = cluster.Client(tenant);
        var created = (await admin.PostAsync(TicketRequests.Tickets, new
        {
            channel = "phone",
            customer = new { externalId = phone, name = "王小明" },
            subject = "退款还没到账",
            body = "上周申请的退款还没有到账。",
        })).Expect(HttpStatusCode.Created);
        var customerId = created.Json.GetProperty("customerId").GetGuid();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-1", roles: ["agent"]));

        var found = (await admin.GetAsync($"/api/v1/customers?channel=phone&externalId={phone}")).Expect(HttpStatusCode.OK);
        var masked = (await agent.GetAsync($"/api/v1/customers?channel=phone&externalId={phone}")).Expect(HttpStatusCode.OK);
        (await admin.GetAsync($"/api/v1/customers?channel=wechat&externalId={phone}")).Expect(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/customers?channel=phone&externalId=13000000000")).Expect(HttpStatusCode.NotFound);
        (await cluster.Client(TicketRequests.NewTenant()).GetAsync($"/api/v1/customers?channel=phone&externalId={phone}")).Expect(HttpStatusCode.NotFound);
        var invalid = (await admin.GetAsync("/api/v1/customers?channel=pigeon")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(customerId, found.Json.GetProperty("id").GetGuid());
        Assert.Contains($"{{\"channel\":\"phone\",\"externalId\":\"{phone}\"}}", found.Text, StringComparison.Ordinal);
        Assert.Equal(customerId, masked.Json.GetProperty("id").GetGuid());
        Assert.DoesNotContain(phone, masked.Text, StringComparison.Ordinal);
        Assert.Contains($"{{\"channel\":\"phone\",\"externalId\":\"{phone[..3]}****{phone[^4..]}\"}}", masked.Text, StringComparison.Ordinal);
        Assert.Equal(["channel", "externalId"], invalid.ErrorFields);
    });
}
