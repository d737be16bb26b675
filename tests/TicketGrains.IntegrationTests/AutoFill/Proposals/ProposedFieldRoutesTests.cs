using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using static TicketGrains.IntegrationTests.AutoFill.Proposals.ProposalRequests;

namespace TicketGrains.IntegrationTests.AutoFill.Proposals;

/// <summary>
/// Fill or propose on a ticket made through the API: read values the ticket lacks are filled (source "text"), values
/// that differ from its own are proposed; proposals are masked like fields, accepted (as proposed or corrected) or
/// rejected by an agent with tickets:write, each change audited, every bad input a ProblemDetails naming the field.
/// </summary>
[Collection(ProposalCollection.Name)]
public sealed class ProposedFieldRoutesTests(ProposalClusterFixture cluster, ITestOutputHelper output)
{
    private const string Body = "订单号：3456789012345678901，手机 13812345678，顺丰运单号 SF1234567890123，实付 ¥128.50";

    [Fact]
    public Task Read_values_are_filled_or_proposed_masked_and_accepted_or_rejected() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var admin = cluster.Client(tenant);
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-1", roles: ["agent"]));
        var id = await CreateAsync(admin);

        var ticket = await TicketWhenAsync(admin, id, "the proposals", t => t.GetProperty("proposedFields").GetArrayLength() == 3);
        Assert.Equal(("SF1234567890123", "text"), (Field(ticket, "trackingNo"), Source(ticket, "trackingNo")));
        Assert.Equal(("3456789012345678901", "text", 0.95), (Proposed(ticket, "orderNo")!.Value.GetProperty("value").GetString(),
            Proposed(ticket, "orderNo")!.Value.GetProperty("source").GetString(), Proposed(ticket, "orderNo")!.Value.GetProperty("confidence").GetDouble()));
        Assert.Equal("13812345678", Proposed(ticket, "phone")!.Value.GetProperty("value").GetString());
        Assert.False(ticket.GetProperty("fieldSources").TryGetProperty("orderNo", out _));

        var masked = (await agent.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("138****5678", "139****0000"), (Proposed(masked, "phone")!.Value.GetProperty("value").GetString(), Field(masked, "phone")));
        Assert.DoesNotContain("13812345678", masked.GetRawText(), StringComparison.Ordinal);

        // The agent has tickets:write but not pii:read: its answer is masked like its reads.
        Assert.Equal("***************8901", Field((await agent.PostAsync(Accept(id, "orderNo"))).Expect(HttpStatusCode.OK).Json, "orderNo"));
        var accepted = (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("3456789012345678901", "text", null), (Field(accepted, "orderNo"), Source(accepted, "orderNo"), Proposed(accepted, "orderNo")));
        // The accepted number is the customer's latest order: the ticket is filed under it as well as under the first.
        var context = (await admin.GetAsync($"/api/v1/customers/{accepted.GetProperty("customerId").GetGuid()}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["3456789012345678901", "20261111-42"], context.GetProperty("ordersMentioned").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("3456789012345678901", context.GetProperty("lastOrderNo").GetString());
        var corrected = (await admin.PostAsync(Accept(id, "phone"), new { value = " 13811112222 " })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("13811112222", "agent"), (Field(corrected, "phone"), Source(corrected, "phone")));
        var rejected = (await admin.PostAsync(Reject(id, "amount"))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("100.00", null, 0), (Field(rejected, "amount"), Source(rejected, "amount"), rejected.GetProperty("proposedFields").GetArrayLength()));

        Assert.Single(await ReadingsAsync(admin, id));
        var audited = await cluster.Database.ColumnAsync<string>(
            "SELECT action || ' ' || target FROM tg_audit_log WHERE tenant_id = $1 AND action LIKE '%-field' ORDER BY seq", tenant);
        Assert.Equal([$"accept-field ticket:{id}", $"accept-field ticket:{id}", $"reject-field ticket:{id}"], audited);
    });

    [Fact]
    public Task Every_bad_accept_or_reject_names_the_field_and_a_reader_may_not_answer() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var admin = cluster.Client(tenant);
        var id = await CreateAsync(admin);
        await TicketWhenAsync(admin, id, "the proposals", t => t.GetProperty("proposedFields").GetArrayLength() == 3);

        var unknown = (await admin.PostAsync(Accept(id, "colour"))).Expect(HttpStatusCode.BadRequest);
        var none = (await admin.PostAsync(Reject(id, "carrier"))).Expect(HttpStatusCode.BadRequest);
        var blank = (await admin.PostAsync(Accept(id, "orderNo"), new { value = "  " })).Expect(HttpStatusCode.BadRequest);
        var number = (await admin.PostRawAsync(Accept(id, "orderNo"), """{"value": 5}""")).Expect(HttpStatusCode.BadRequest);
        var control = (await admin.PostAsync(Accept(id, "orderNo"), new { value = "34567\u0007" })).Expect(HttpStatusCode.BadRequest);
        var extra = (await admin.PostRawAsync(Accept(id, "orderNo"), """{"valu": "1"}""")).Expect(HttpStatusCode.BadRequest);
        var missing = (await admin.PostAsync(Accept(Guid.NewGuid(), "orderNo"))).Expect(HttpStatusCode.NotFound);

        Assert.Equal(["name"], unknown.ErrorFields);
        Assert.Equal(["name"], none.ErrorFields);
        Assert.Contains("no proposed carrier", none.Text, StringComparison.Ordinal);
        Assert.All(new[] { blank, number, control }, r => Assert.Equal(["value"], r.ErrorFields));
        Assert.Equal(["valu"], extra.ErrorFields);
        Assert.Equal(404, missing.Json.GetProperty("status").GetInt32());
        var auditor = cluster.Client(tenant, TestTokens.Mint(tenant, "auditor-1", roles: ["auditor"]));
        (await auditor.PostAsync(Reject(id, "phone"))).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(3, (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json.GetProperty("proposedFields").GetArrayLength());
    });

    private static async Task<Guid> CreateAsync(ApiClient admin) =>
        (await admin.PostAsync(TicketRequests.Tickets, new
        {
            channel = "web",
            customer = new { externalId = TicketRequests.NewCustomer(), name = "Li Lei" },
            subject = "订单有问题",
            body = Body,
            fields = new Dictionary<string, string> { ["orderNo"] = "20261111-42", ["phone"] = "13900000000", ["amount"] = "100.00" },
        })).Expect(HttpStatusCode.Created).Id;
}
