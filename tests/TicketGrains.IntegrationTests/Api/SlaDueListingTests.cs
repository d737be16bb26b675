using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>GET /api/v1/tickets?slaDueBefore=: tickets whose running SLA deadline comes at or before a time.</summary>
[Collection(ApiCollection.Name)]
public sealed class SlaDueListingTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Only_tickets_due_by_the_time_are_listed() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var urgent = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Charged twice", "refund", "urgent"))).Expect(HttpStatusCode.Created);
        var low = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Gift wrap?", "presale", "low"))).Expect(HttpStatusCode.Created);
        var urgentDue = urgent.Json.GetProperty("slaDueAt").GetDateTimeOffset();
        var lowDue = low.Json.GetProperty("slaDueAt").GetDateTimeOffset();
        Assert.True(urgentDue < lowDue, $"An urgent ticket is due before a low one ({urgentDue:O}, {lowDue:O}).");

        async Task<List<Guid>> DueByAsync(DateTimeOffset time) =>
            [.. (await api.GetAsync($"/api/v1/tickets?slaDueBefore={Uri.EscapeDataString(time.ToString("O"))}")).Expect(HttpStatusCode.OK)
                .Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        Assert.Equal([], await DueByAsync(urgentDue.AddSeconds(-1)));
        Assert.Equal([urgent.Id], await DueByAsync(urgentDue));
        Assert.Equal([urgent.Id, low.Id], await DueByAsync(lowDue));
    });

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("2026-11-11T08:00:00")]
    [InlineData("2026-11-11")]
    public Task A_time_without_its_offset_is_refused_naming_the_parameter(string value) => cluster.RunAsync(output, async () =>
    {
        var answer = await cluster.FreshTenant().GetAsync($"/api/v1/tickets?slaDueBefore={Uri.EscapeDataString(value)}");

        Assert.Equal(["slaDueBefore"], answer.Expect(HttpStatusCode.BadRequest).ErrorFields);
    });
}
