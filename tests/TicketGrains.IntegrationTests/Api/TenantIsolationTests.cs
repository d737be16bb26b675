using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>The tenant of the credential separates shops completely.</summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_ticket_of_tenant_a_is_invisible_to_tenant_b() => cluster.RunAsync(output, async () =>
    {
        var (a, b) = (cluster.FreshTenant(), cluster.FreshTenant());
        var id = (await a.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Secret"))).Expect(HttpStatusCode.Created).Id;

        (await b.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.NotFound);
        (await b.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.NotFound);
        (await b.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "open" })).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await b.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray());
        (await b.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.NoContent);

        var own = (await a.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        Assert.Equal("new", own.String("status"));
        Assert.Equal(a.Tenant, own.String("tenantId"));
    });
}
