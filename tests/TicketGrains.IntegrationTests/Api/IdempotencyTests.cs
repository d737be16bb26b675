using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>Idempotency-Key: a retried create lands on the same ticket exactly once; a reused key with another body is refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Same_key_and_body_twice_returns_the_same_ticket_created_once() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var key = "order-" + Guid.NewGuid().ToString("N");
        var request = TicketRequests.Create("Charged twice", "refund");

        var first = (await api.PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);
        var second = (await api.PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);

        Assert.Equal(first.Id, second.Id);
        var history = (await api.GetAsync($"{TicketRequests.Ticket(first.Id)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray();
        Assert.Equal(["TicketCreated"], history.Select(e => e.GetProperty("type").GetString()));
        var listed = (await api.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray();
        Assert.Equal([first.Id], listed.Select(i => i.GetProperty("id").GetGuid()));
    });

    [Fact]
    public Task A_retry_after_the_ticket_moved_on_returns_it_as_first_created() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var key = "order-" + Guid.NewGuid().ToString("N");
        var request = TicketRequests.Create("Charged twice", "refund");
        var first = (await api.PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);
        (await api.PostAsync($"{TicketRequests.Ticket(first.Id)}/messages", new { author = "Ann", body = "Refund on its way." })).Expect(HttpStatusCode.OK);
        (await api.PostAsync($"{TicketRequests.Ticket(first.Id)}/status", new { status = "solved" })).Expect(HttpStatusCode.OK);

        var again = (await api.PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);

        Assert.Equal(first.Text, again.Text);
        Assert.Equal(("new", 1), (again.String("status"), again.Json.GetProperty("version").GetInt32()));
        Assert.Equal(3, (await api.GetAsync(TicketRequests.Ticket(first.Id))).Expect(HttpStatusCode.OK).Json.GetProperty("version").GetInt32());
    });

    [Fact]
    public Task Same_key_with_another_body_is_409_and_keeps_the_first_ticket() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var key = "order-" + Guid.NewGuid().ToString("N");
        var customer = TicketRequests.NewCustomer();

        var first = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Charged twice", customer: customer), key)).Expect(HttpStatusCode.Created);
        var reused = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Something else", customer: customer), key)).Expect(HttpStatusCode.Conflict);

        Assert.Equal("application/problem+json", reused.MediaType);
        var ticket = (await api.GetAsync(TicketRequests.Ticket(first.Id))).Expect(HttpStatusCode.OK);
        Assert.Equal("Charged twice", ticket.String("subject"));
        Assert.Equal(1, ticket.Json.GetProperty("version").GetInt32());
    });

    [Fact]
    public Task The_same_key_in_two_tenants_makes_two_tickets() => cluster.RunAsync(output, async () =>
    {
        var key = "order-" + Guid.NewGuid().ToString("N");
        var request = TicketRequests.Create("Charged twice");

        var inA = (await cluster.FreshTenant().PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);
        var inB = (await cluster.FreshTenant().PostAsync(TicketRequests.Tickets, request, key)).Expect(HttpStatusCode.Created);

        Assert.NotEqual(inA.Id, inB.Id);
    });
}
