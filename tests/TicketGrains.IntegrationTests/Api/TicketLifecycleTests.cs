using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>Creating and reading tickets over HTTP.</summary>
[Collection(ApiCollection.Name)]
public sealed class TicketLifecycleTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Create_answers_201_with_location_and_the_new_ticket() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var before = DateTimeOffset.UtcNow;
        var created = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Parcel stuck", "logistics", "high"))).Expect(HttpStatusCode.Created);
        var after = DateTimeOffset.UtcNow;

        var body = created.Json;
        Assert.Equal(TicketRequests.Ticket(created.Id), created.Location?.OriginalString);
        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal("new", created.String("status"));
        Assert.Equal("logistics", created.String("category"));
        Assert.Equal("high", created.String("priority"));
        Assert.Equal("logistics", created.String("queue"));
        Assert.Equal("default", created.String("tenantId"));
        Assert.NotEqual(Guid.Empty, body.GetProperty("customerId").GetGuid());
        Assert.InRange(body.GetProperty("createdAt").GetDateTimeOffset(), before, after);
        Assert.Equal(1, body.GetProperty("version").GetInt32());
    });

    [Fact]
    public Task Get_returns_the_created_ticket_with_the_customer_message() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.Client();
        var created = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Refund please", "refund"))).Expect(HttpStatusCode.Created);

        var read = (await api.GetAsync(TicketRequests.Ticket(created.Id))).Expect(HttpStatusCode.OK);

        Assert.Equal(created.Id, read.Id);
        Assert.Equal("Refund please", read.String("subject"));
        Assert.Equal("after-sales", read.String("queue"));
        Assert.Equal("20261111-42", read.Json.GetProperty("fields").GetProperty("orderNo").GetString());
        Assert.Equal(created.Json.GetProperty("customerId").GetGuid(), read.Json.GetProperty("customerId").GetGuid());
        Assert.Equal(created.Json.GetProperty("createdAt").GetDateTimeOffset(), read.Json.GetProperty("createdAt").GetDateTimeOffset());
        var message = Assert.Single(read.Json.GetProperty("messages").EnumerateArray());
        Assert.Equal("customer", message.GetProperty("author").GetString());
        Assert.False(message.GetProperty("internal").GetBoolean());
    });

    [Fact]
    public Task The_same_customer_gets_the_same_customer_id_on_every_ticket() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var customer = TicketRequests.NewCustomer();
        var first = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("First", customer: customer))).Expect(HttpStatusCode.Created);
        var second = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Second", customer: customer))).Expect(HttpStatusCode.Created);
        var other = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Other"))).Expect(HttpStatusCode.Created);

        Assert.Equal(first.Json.GetProperty("customerId").GetGuid(), second.Json.GetProperty("customerId").GetGuid());
        Assert.NotEqual(first.Json.GetProperty("customerId").GetGuid(), other.Json.GetProperty("customerId").GetGuid());
    });

    [Fact]
    public Task Unknown_ticket_is_404_problem_details() => cluster.RunAsync(output, async () =>
    {
        var missing = (await cluster.Client().GetAsync(TicketRequests.Ticket(Guid.NewGuid()))).Expect(HttpStatusCode.NotFound);

        Assert.Equal("application/problem+json", missing.MediaType);
        Assert.Equal(404, missing.Json.GetProperty("status").GetInt32());
    });

    [Fact]
    public Task Commands_on_an_unknown_ticket_are_404() => cluster.RunAsync(output, async () =>
    {
        var id = Guid.NewGuid();
        var api = cluster.Client();

        (await api.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "alice", body = "Hello", @internal = false })).Expect(HttpStatusCode.NotFound);
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "open" })).Expect(HttpStatusCode.NotFound);
        (await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.NotFound);
    });
}
