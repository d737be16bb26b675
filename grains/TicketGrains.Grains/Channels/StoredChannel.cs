namespace TicketGrains.Grains.Channels;

/// <summary>
/// A channel as tg_channels holds it: its settings sealed under the master key named by <see cref="MasterKeyId"/>, their
/// names in clear (what a listing shows), its threading rule in clear (no secret in it; the pipeline reads it).
/// </summary>
public sealed record StoredChannel(
    string Tenant,
    Guid Id,
    string Type,
    string Name,
    byte[] SealedSettings,
    string MasterKeyId,
    IReadOnlyList<string> SettingNames,
    string? ThreadingJson,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
