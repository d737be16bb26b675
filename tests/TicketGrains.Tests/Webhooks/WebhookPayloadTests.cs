using System.Text.Json;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Webhooks;
using Xunit;

namespace TicketGrains.Tests.Webhooks;

public sealed class WebhookPayloadTests
{
    private static readonly Guid Ticket = Guid.Parse("0192f0c4-6a7b-7c1d-8e2f-3a4b5c6d7e8f");

    [Fact]
    public void Sealed_personal_fields_and_the_request_hash_are_left_out_of_the_details()
    {
        var stored = """{"ticketId":"0192f0c4-6a7b-7c1d-8e2f-3a4b5c6d7e8f","subject":"tge1:abc","body":"tge1:def","category":"logistics","fields":{"orderNo":"tge1:ghi"},"requestHash":"tge1:jkl","at":"2026-11-11T00:00:00+00:00"}""";
        var e = new CommittedEvent(9, 42, "shop-1", $"ticket/{Ticket}", 1, "TicketCreated", stored, new DateTimeOffset(2026, 11, 11, 0, 0, 1, TimeSpan.Zero));

        using var payload = JsonDocument.Parse(WebhookPayload.For(e, WebhookEventTypes.TicketCreated, Ticket));

        var root = payload.RootElement;
        Assert.Equal(("ticket.created", "2026-11-11T00:00:01.0000000+00:00"), (root.GetProperty("type").GetString(), root.GetProperty("timestamp").GetString()));
        var data = root.GetProperty("data");
        Assert.Equal(("shop-1", Ticket, 1, "TicketCreated"),
            (data.GetProperty("tenantId").GetString(), data.GetProperty("ticketId").GetGuid(), data.GetProperty("version").GetInt32(), data.GetProperty("event").GetString()));
        Assert.Equal(["ticketId", "category", "at"], data.GetProperty("details").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("TicketCreated", "ticket.created")]
    [InlineData("MessageAdded", "message.created")]
    [InlineData("OrderEventApplied", "order_event.received")]
    [InlineData("SlaWarned", "sla.warning")]
    [InlineData("SlaBreached", "sla.breached")]
    [InlineData("StatusChanged", "ticket.updated")]
    [InlineData("TicketRouted", "ticket.updated")]
    public void Ticket_events_map_to_webhook_types_by_name(string eventType, string webhookType) =>
        Assert.Equal(webhookType, WebhookEventTypes.ForTicketEvent(eventType));
}
