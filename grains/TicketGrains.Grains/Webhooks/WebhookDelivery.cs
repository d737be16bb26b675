namespace TicketGrains.Grains.Webhooks;

/// <summary>One event for one webhook (a row of tg_webhook_deliveries): what was sent, and how its attempts went.</summary>
public sealed record WebhookDelivery(
    long Seq,
    long Position,
    string MessageId,
    string EventType,
    Guid TicketId,
    string Payload,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);
