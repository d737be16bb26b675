namespace TicketGrains.Abstractions.Catalog;

/// <summary>The event types a webhook subscribes to (public API), and the ticket events each one stands for.</summary>
public static class WebhookEventTypes
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string MessageCreated = "message.created";
    public const string OrderEventReceived = "order_event.received";
    public const string SlaWarning = "sla.warning";
    public const string SlaBreached = "sla.breached";

    /// <summary>A public reply to a channel customer was sent, or failed for good (details.state), once per reply; a sent e-mail a delivery report returns fails once more.</summary>
    public const string MessageDelivery = "message.delivery";

    /// <summary>
    /// A call a trigger's <c>webhook</c> action makes to this webhook's URL. Subscribing to it alone makes a webhook that
    /// receives nothing but such calls (a rule's action reaches its webhook whatever it subscribes to).
    /// </summary>
    public const string TriggerWebhook = "trigger.webhook";

    /// <summary>A tenant's category began to surge (its <c>ticketId</c> is the surge's id; GET /api/v1/surges/{id}).</summary>
    public const string SurgeDetected = "surge.detected";

    /// <summary>The surge ended: the category's new tickets are back near their baseline.</summary>
    public const string SurgeEnded = "surge.ended";

    public static readonly IReadOnlyList<string> All =
        [TicketCreated, TicketUpdated, MessageCreated, MessageDelivery, OrderEventReceived, SlaWarning, SlaBreached, TriggerWebhook, SurgeDetected, SurgeEnded];

    /// <summary>
    /// The webhook type of a stored ticket event's type name. Known by name
    /// alone, so the pipeline never decodes an event to find out whether anyone wants it. Every other ticket event
    /// (status, assignee, claims, routing, fields, tags, priority) is a <see cref="TicketUpdated"/>.
    /// </summary>
    public static string ForTicketEvent(string eventType) => eventType switch
    {
        "TicketCreated" => TicketCreated,
        "MessageAdded" => MessageCreated,
        "OrderEventApplied" => OrderEventReceived,
        "SlaWarned" => SlaWarning,
        "SlaBreached" => SlaBreached,
        "ReplyDelivered" => MessageDelivery,
        "SurgeDetected" => SurgeDetected,
        "SurgeEnded" => SurgeEnded,
        _ => TicketUpdated,
    };
}
