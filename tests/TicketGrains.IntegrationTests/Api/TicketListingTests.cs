using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>GET /api/v1/tickets: filters and keyset paging over the read model, per tenant.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketListingTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Paging_by_three_returns_3_3_1_in_creation_order_without_overlap() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var created = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"Ticket {i}"))).Expect(HttpStatusCode.Created).Id);
        }

        var pages = new List<List<Guid>>();
        string? cursor = null;
        do
        {
            var page = (await api.GetAsync($"{TicketRequests.Tickets}?limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))
                .Expect(HttpStatusCode.OK).Json;
            pages.Add(Ids(page));
            var next = page.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(created, pages.SelectMany(p => p));
    });

    [Fact]
    public Task Filters_by_status_queue_customer_and_category_return_exactly_the_matching_tickets() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var (alice, bob) = (TicketRequests.NewCustomer(), TicketRequests.NewCustomer());
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var request = TicketRequests.Create($"Ticket {i}", i < 4 ? "logistics" : "refund", customer: i % 2 == 0 ? alice : bob);
            ids.Add((await api.PostAsync(TicketRequests.Tickets, request)).Expect(HttpStatusCode.Created).Id);
        }

        (await api.PostAsync($"{TicketRequests.Ticket(ids[5])}/status", new { status = "pending" })).Expect(HttpStatusCode.OK);
        var aliceId = (await api.GetAsync(TicketRequests.Ticket(ids[0]))).Expect(HttpStatusCode.OK).Json.GetProperty("customerId").GetGuid();

        Assert.Equal(ids[..4], await ListAsync(api, "queue=logistics"));
        Assert.Equal(ids[4..], await ListAsync(api, "queue=after-sales"));
        Assert.Equal(ids[4..], await ListAsync(api, "category=refund"));
        Assert.Equal([ids[0], ids[2], ids[4], ids[6]], await ListAsync(api, $"customerId={aliceId}"));
        Assert.Equal([ids[5]], await ListAsync(api, "status=pending"));
        Assert.Equal([ids[4], ids[6]], await ListAsync(api, "status=new&category=refund"));
        Assert.Empty(await ListAsync(api, "category=complaint"));
    });

    [Fact]
    public Task Bad_filters_are_400_naming_each_one() => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.Client().GetAsync($"{TicketRequests.Tickets}?status=lost&customerId=nope&limit=0&cursor=zzz")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["cursor", "customerId", "limit", "status"], refused.ErrorFields);
    });

    private static async Task<List<Guid>> ListAsync(ApiClient api, string query) =>
        Ids((await api.GetAsync($"{TicketRequests.Tickets}?{query}")).Expect(HttpStatusCode.OK).Json);

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
