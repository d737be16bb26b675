namespace TicketGrains.Api.Webhooks;

/// <summary>A webhook to register: where to POST, and which event types.</summary>
public sealed record CreateWebhookRequest(string? Url, List<string?>? Events);

/// <summary>A webhook as listed; its secret is shown only when it is created.</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason, DateTimeOffset CreatedAt);

/// <summary>A created webhook with its signing secret (whsec_…), shown this once.</summary>
public sealed record CreatedWebhook(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret);

/// <summary>One entry of a webhook's delivery log.</summary>
public sealed record DeliveryView(
    long Seq,
    string MessageId,
    string EventType,
    Guid TicketId,
    string State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt);

/// <summary>A page of the delivery log, newest first; pass nextCursor as cursor for older entries.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Items, string? NextCursor);
