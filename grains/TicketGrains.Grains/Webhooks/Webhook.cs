namespace TicketGrains.Grains.Webhooks;

/// <summary>A tenant's webhook subscription as stored (tg_webhooks); the secret only sealed.</summary>
public sealed record Webhook(
    string Tenant,
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    byte[] SealedSecret,
    string MasterKeyId,
    bool Enabled,
    string? DisabledReason,
    string CreatedBy,
    DateTimeOffset CreatedAt);
