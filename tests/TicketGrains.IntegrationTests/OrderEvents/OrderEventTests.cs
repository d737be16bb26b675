using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Webhooks;

namespace TicketGrains.IntegrationTests.OrderEvents;

/// <summary>POST /api/v1/order-events: idempotent by eventId, reaching every ticket whose orderNo matches.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderEventTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string Path = "/api/v1/order-events";

    [Fact]
    public Task An_order_event_posted_twice_updates_its_tickets_once_and_another_body_under_its_id_is_a_conflict() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var first = await WebhookDeliveryTests.CreateTicketAsync(api, "20261111-77");
        var second = await WebhookDeliveryTests.CreateTicketAsync(api, "20261111-77");
        var other = await WebhookDeliveryTests.CreateTicketAsync(api, "20261111-78");
        var shipped = new { eventId = "oms-1", type = "shipped", orderNo = "20261111-77", trackingNo = "SF1234567890", carrier = "SF Express",
            occurredAt = "2026-11-11T08:00:00Z", data = new { warehouse = "HZ-2" } };

        var once = (await api.PostAsync(Path, shipped)).Expect(HttpStatusCode.OK);
        var twice = (await api.PostAsync(Path, shipped)).Expect(HttpStatusCode.OK);

        Assert.Equal(once.Text, twice.Text);
        Assert.Equal([first, second], once.Json.GetProperty("ticketIds").EnumerateArray().Select(t => t.GetGuid()));
        foreach (var ticket in new[] { first, second })
        {
            // The built-in shipped trigger answers the event once (a reply, then pending): wait for it, so its events are all there.
            await Poll.UntilAsync("the shipped trigger", TimeSpan.FromSeconds(30), async () =>
                (await api.GetAsync(TicketRequests.Ticket(ticket))).Json.GetProperty("status").GetString() == "pending");
            var events = (await api.GetAsync($"{TicketRequests.Ticket(ticket)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray().ToList();
            var applied = Assert.Single(events, e => e.GetProperty("type").GetString() == "OrderEventApplied");
            using var data = JsonDocument.Parse(applied.GetProperty("data").GetString()!);
            Assert.Equal(("oms-1", "shipped", "SF1234567890", "SF Express"), (data.RootElement.GetProperty("eventId").GetString(), data.RootElement.GetProperty("type").GetString(),
                data.RootElement.GetProperty("trackingNo").GetString(), data.RootElement.GetProperty("carrier").GetString()));
            Assert.Equal(["TicketCreated", "OrderEventApplied", "TriggersFired", "MessageAdded", "StatusChanged"], events.Select(e => e.GetProperty("type").GetString()));
        }

        Assert.Single((await api.GetAsync($"{TicketRequests.Ticket(other)}/events")).Json.EnumerateArray());
        var conflict = (await api.PostAsync(Path, shipped with { trackingNo = "SF0000000000" })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", conflict.MediaType);
        Assert.Contains("oms-1", conflict.Json.GetProperty("detail").GetString());
        var audited = (await api.GetAsync("/api/v1/audit?action=order-event")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("target").GetString(), i.GetProperty("detail").GetString())).ToList();
        Assert.Equal([("order-event:oms-1", "type=shipped; tickets=2"), ("order-event:oms-1", "type=shipped; tickets=2")], audited);
    });

    [Fact]
    public Task An_order_event_reaches_a_ticket_whose_order_number_was_filled_from_its_text() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        const string orderNo = "3456789012345678901";
        var created = (await api.PostAsync(TicketRequests.Tickets, new
        {
            channel = "web",
            customer = new { externalId = TicketRequests.NewCustomer() },
            subject = "还没发货",
            body = $"订单号：{orderNo}，下单三天了还没发货",
            category = "logistics",
        })).Expect(HttpStatusCode.Created).Json;
        var ticket = created.GetProperty("id").GetGuid();
        Assert.False(created.GetProperty("fields").TryGetProperty("orderNo", out _));
        await Poll.UntilAsync("the order number filled from the text", TimeSpan.FromSeconds(30), async () =>
            (await api.GetAsync(TicketRequests.Ticket(ticket))).Json.GetProperty("fields").TryGetProperty("orderNo", out var filled) && filled.GetString() == orderNo);

        var reached = (await api.PostAsync(Path, new { eventId = "oms-filled", type = "out_of_stock", orderNo })).Expect(HttpStatusCode.OK);

        Assert.Equal([ticket], reached.Json.GetProperty("ticketIds").EnumerateArray().Select(t => t.GetGuid()));
    });

    [Fact]
    public Task An_event_for_an_order_no_ticket_carries_reaches_none() => cluster.RunAsync(output, async () =>
    {
        var result = (await cluster.FreshTenant().PostAsync(Path, new { eventId = "oms-2", type = "delivered", orderNo = "nobody" })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, result.Json.GetProperty("ticketIds").GetArrayLength());
    });

    [Fact]
    public Task Wrong_fields_are_named() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var refused = (await api.PostAsync(Path, new { type = "lost", orderNo = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["eventId", "orderNo", "type"], refused.ErrorFields);
        var notAnObject = (await api.PostAsync(Path, new { eventId = "oms-3", type = "shipped", orderNo = "1", data = 3 })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["data"], notAnObject.ErrorFields);
    });
}
