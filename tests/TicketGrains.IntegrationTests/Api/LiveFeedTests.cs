using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>GET /api/v1/events: server-sent events of the tenant's ticket changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveFeedTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan FeedDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task The_feed_announces_a_ticket_created_after_connecting() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        using var deadline = new CancellationTokenSource(FeedDeadline);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.Authorization = new("Bearer", TestTokens.Admin(api.Tenant!));
        using var response = await cluster.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var feed = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token));
        Assert.Equal(": connected", await ReadAsync(feed, deadline.Token));

        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Live one"))).Expect(HttpStatusCode.Created).Id;

        await SkipToAsync(feed, $"id: {id}:1", deadline.Token);
        Assert.Equal("event: ticket.changed", await ReadAsync(feed, deadline.Token));
        var data = await ReadAsync(feed, deadline.Token);
        Assert.StartsWith("data: {", data, StringComparison.Ordinal);
        using var change = JsonDocument.Parse(data["data: ".Length..]);
        Assert.Equal(id, change.RootElement.GetProperty("ticketId").GetGuid());
        Assert.Equal("TicketCreated", change.RootElement.GetProperty("eventType").GetString());
        Assert.Equal("new", change.RootElement.GetProperty("status").GetString());
    });

    private static async Task SkipToAsync(StreamReader feed, string line, CancellationToken cancellationToken)
    {
        while (await ReadAsync(feed, cancellationToken) != line)
        {
            // Heartbeats and blank separators come between events.
        }
    }

    private static async Task<string> ReadAsync(StreamReader feed, CancellationToken cancellationToken) =>
        await feed.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event feed ended.");
}
