using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>Webhooks delivered from the committed-event pipeline to a real local receiver: retries, order, signatures, 410.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public Task An_endpoint_down_for_five_minutes_gets_every_event_signed_and_in_order_per_ticket_once_it_is_back() => cluster.RunAsync(output, async () =>
    {
        using var receiver = new WebhookReceiver { Answer = HttpStatusCode.ServiceUnavailable };
        var api = cluster.FreshTenant();
        var (webhookId, secret) = await RegisterAsync(api, receiver.Url, "ticket.created", "ticket.updated", "message.created");

        var a = await CreateTicketAsync(api, "ORD-A");
        (await api.PostAsync($"{TicketRequests.Ticket(a)}/messages", new { author = "agent-ann", body = "Checking with the carrier.", @internal = false }))
            .Expect(HttpStatusCode.OK);
        var b = await CreateTicketAsync(api, "ORD-B");
        (await api.PostAsync($"{TicketRequests.Ticket(a)}/status", new { status = "pending" })).Expect(HttpStatusCode.OK);
        (await api.PostAsync($"{TicketRequests.Ticket(b)}/messages", new { author = "agent-ann", body = "Refund on its way.", @internal = true }))
            .Expect(HttpStatusCode.OK);

        // Down through the first attempt and the retries after 5 s and after 5 min (1 s real at the fixture's clock rate).
        await Poll.UntilAsync("three refused attempts of the first delivery", Deadline,
            () => Task.FromResult(receiver.Received.Count(r => r.Id == receiver.Received[0].Id) >= 3));
        receiver.Answer = HttpStatusCode.OK;
        await Poll.UntilAsync("all five events accepted", Deadline, () => Task.FromResult(receiver.Received.Count(r => r.Accepted) >= 5));

        var accepted = receiver.Received.Where(r => r.Accepted).ToList();
        Assert.Equal(5, accepted.Count);
        Assert.Equal(5, accepted.Select(r => r.Id).Distinct().Count());
        Assert.Equal([(1, "ticket.created"), (2, "message.created"), (3, "ticket.updated")],
            accepted.Where(r => r.TicketId == a).Select(r => (r.Version, r.Type)));
        Assert.Equal([(1, "ticket.created"), (2, "message.created")], accepted.Where(r => r.TicketId == b).Select(r => (r.Version, r.Type)));
        // Nothing overtook the delivery that was failing: the first one accepted is the first event.
        Assert.Equal((a, 1), (accepted[0].TicketId, accepted[0].Version));
        Assert.All(receiver.Received, r => Assert.True(r.SignedWith(secret), $"bad signature on {r.Id}"));
        Assert.All(receiver.Received, r => Assert.True(r.SkewSeconds < 300, $"timestamp {r.Timestamp} is more than 5 minutes off"));
        // Retries carry the same webhook-id.
        Assert.All(receiver.Received.Where(r => !r.Accepted), r => Assert.Contains(r.Id, accepted.Select(x => x.Id)));

        var log = (await api.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        Assert.Equal(5, log.GetArrayLength());
        Assert.All(log.EnumerateArray(), d => Assert.Equal(("delivered", 200), (d.GetProperty("state").GetString(), d.GetProperty("lastStatus").GetInt32())));
        var first = log.EnumerateArray().Last();
        Assert.Equal(receiver.Received.Count(r => r.Id == accepted[0].Id), first.GetProperty("attempts").GetInt32());
        Assert.True(first.GetProperty("attempts").GetInt32() >= 4);
    });

    [Fact]
    public Task An_endpoint_answering_410_gone_disables_its_subscription_and_gets_nothing_more() => cluster.RunAsync(output, async () =>
    {
        using var gone = new WebhookReceiver { Answer = HttpStatusCode.Gone };
        using var healthy = new WebhookReceiver();
        var api = cluster.FreshTenant();
        var (goneId, _) = await RegisterAsync(api, gone.Url, "ticket.created");

        var first = await CreateTicketAsync(api, "ORD-410");
        await Poll.UntilAsync("the subscription disabled", Deadline,
            async () => !(await api.GetAsync($"/api/v1/webhooks/{goneId}")).Expect(HttpStatusCode.OK).Json.GetProperty("enabled").GetBoolean());
        var view = (await api.GetAsync($"/api/v1/webhooks/{goneId}")).Json;
        Assert.Equal("gone", view.GetProperty("disabledReason").GetString());

        await RegisterAsync(api, healthy.Url, "ticket.created");
        var second = await CreateTicketAsync(api, "ORD-410");
        // The pipeline has passed the second ticket once the healthy endpoint has it; the disabled one got only the first.
        await Poll.UntilAsync("the second ticket at the healthy endpoint", Deadline, () => Task.FromResult(healthy.Received.Any(r => r.TicketId == second)));
        Assert.Equal([first], gone.Received.Select(r => r.TicketId));
        var log = Assert.Single((await api.GetAsync($"/api/v1/webhooks/{goneId}/deliveries")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(("gone", 410, 1), (log.GetProperty("state").GetString(), log.GetProperty("lastStatus").GetInt32(), log.GetProperty("attempts").GetInt32()));
    });

    internal static async Task<(Guid Id, string Secret)> RegisterAsync(ApiClient api, string url, params string[] events)
    {
        var created = (await api.PostAsync("/api/v1/webhooks", new { url, events })).Expect(HttpStatusCode.Created).Json;
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    internal static async Task<Guid> CreateTicketAsync(ApiClient api, string orderNo) =>
        (await api.PostAsync(TicketRequests.Tickets, new
        {
            channel = "web",
            customer = new { externalId = TicketRequests.NewCustomer(), name = "Han Meimei" },
            subject = "Where is my parcel",
            body = "It has not moved for three days.",
            fields = new Dictionary<string, string> { ["orderNo"] = orderNo },
        })).Expect(HttpStatusCode.Created).Id;
}
