using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>Personal data is masked in every response and in the live feed unless the caller has pii:read.</summary>
[Collection(ApiCollection.Name)]
public sealed class MaskingTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_sees_masked_data_in_every_ticket_and_customer_response() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));
        var externalId = "1" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999);
        var created = (await agent.PostAsync(TicketRequests.Tickets, PersonalDataSample.CreateTicket(externalId))).Expect(HttpStatusCode.Created);
        var ticket = TicketRequests.Ticket(created.Id);
        var customer = created.Json.GetProperty("customerId").GetGuid();

        var responses = new Dictionary<string, ApiResponse>
        {
            ["create"] = created,
            ["message"] = (await agent.PostAsync($"{ticket}/messages", PersonalDataSample.Message)).Expect(HttpStatusCode.OK),
            ["get"] = (await agent.GetAsync(ticket)).Expect(HttpStatusCode.OK),
            ["list"] = (await agent.GetAsync($"{TicketRequests.Tickets}?customerId={customer}")).Expect(HttpStatusCode.OK),
            ["events"] = (await agent.GetAsync($"{ticket}/events")).Expect(HttpStatusCode.OK),
            ["customer"] = (await agent.GetAsync($"/api/v1/customers/{customer}")).Expect(HttpStatusCode.OK),
            ["pull"] = (await agent.PostAsync("/api/v1/agents/agent-ann/next")).Expect(HttpStatusCode.OK),
        };

        foreach (var (what, response) in responses)
        {
            PersonalDataSample.AssertMasked(what, response.Text);
        }

        var get = responses["get"].Json;
        Assert.Equal("请回电 138****5678", get.GetProperty("subject").GetString());
        Assert.Equal("138****5678", get.GetProperty("fields").GetProperty("contactPhone").GetString());
        Assert.Equal("浙江省杭州市西湖区****", get.GetProperty("fields").GetProperty("address").GetString());
        Assert.Equal("20261111-42", get.GetProperty("fields").GetProperty("orderNo").GetString());
        var thread = get.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("身份证 110***********1234，退款到 **** **** **** 7894，寄到浙江省杭州市西湖区****。", thread[0].GetProperty("body").GetString());
        Assert.Equal("z***@example.com", thread[1].GetProperty("author").GetString());
        Assert.Equal("张*", responses["customer"].String("name"));
        Assert.Equal([("phone", $"{externalId[..3]}****{externalId[^4..]}")], responses["customer"].Json.GetProperty("identities").EnumerateArray()
            .Select(i => (i.GetProperty("channel").GetString(), i.GetProperty("externalId").GetString())));
        Assert.Equal("请回电 138****5678", responses["list"].Json.GetProperty("items")[0].GetProperty("subject").GetString());
        var eventData = string.Join('\n', responses["events"].Json.EnumerateArray().Select(e => Strings(JsonDocument.Parse(e.GetProperty("data").GetString()!).RootElement)));
        PersonalDataSample.AssertMasked("event data", eventData);
        Assert.Contains("请回电 138****5678", eventData, StringComparison.Ordinal);
        Assert.Equal(created.Id, responses["pull"].Id);
    });

    /// <summary>Every string in a JSON document, unescaped (event data escapes non-ASCII characters).</summary>
    private static string Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join('\n', element.EnumerateObject().Select(p => Strings(p.Value))),
        JsonValueKind.Array => string.Join('\n', element.EnumerateArray().Select(Strings)),
        JsonValueKind.String => element.GetString()!,
        _ => "",
    };

    [Fact]
    public Task A_supervisor_reads_the_same_ticket_unmasked() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sue", ["supervisor"]));
        var id = (await cluster.Client(tenant).PostAsync(TicketRequests.Tickets, PersonalDataSample.CreateTicket("c-" + Guid.NewGuid().ToString("N")[..8])))
            .Expect(HttpStatusCode.Created).Id;

        var ticket = (await supervisor.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);

        Assert.Equal($"请回电 {PersonalDataSample.Phone}", ticket.String("subject"));
        Assert.Equal(PersonalDataSample.Address, ticket.Json.GetProperty("fields").GetProperty("address").GetString());
    });

    [Fact]
    public Task An_agent_may_not_export_and_gets_403() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "agent-ann", ["agent"]));

        var export = (await agent.GetAsync("/api/v1/reports/tickets.csv")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal(["reports:export"], export.Json.GetProperty("missingPermissions").EnumerateArray().Select(p => p.GetString()));
    });

    [Fact]
    public Task An_export_without_pii_read_is_masked_and_bad_filters_are_named() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var exporter = cluster.Client(tenant, TestTokens.Mint(tenant, "rex", permissions: ["reports:export"]));
        var id = (await cluster.Client(tenant).PostAsync(TicketRequests.Tickets, PersonalDataSample.CreateTicket("c-" + Guid.NewGuid().ToString("N")[..8])))
            .Expect(HttpStatusCode.Created).Id;

        var csv = (await exporter.GetAsync("/api/v1/reports/tickets.csv")).Expect(HttpStatusCode.OK);
        var bad = (await exporter.GetAsync("/api/v1/reports/tickets.csv?status=lost")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("text/csv", csv.MediaType);
        var lines = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,status,category,priority,queue,customerId,assignee,channel,subject,createdAt,updatedAt,slaDueAt", lines[0]);
        Assert.StartsWith($"{id},new,refund,normal,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",phone,请回电 138****5678,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["status"], bad.ErrorFields);
    });

    [Fact]
    public Task The_live_feed_of_an_agent_carries_no_personal_data() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var feed = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Mint(tenant, "agent-ann", ["agent"])), null, deadline.Token);

        var id = (await cluster.Client(tenant).PostAsync(TicketRequests.Tickets, PersonalDataSample.CreateTicket("c-" + Guid.NewGuid().ToString("N")[..8])))
            .Expect(HttpStatusCode.Created).Id;

        var change = Assert.Single(await feed.ChangesAsync(1, deadline.Token));
        PersonalDataSample.AssertMasked("the feed", change.Data!);
        Assert.Equal((id, 1), change.Change);
    });
}
