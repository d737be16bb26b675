using System.Text.Json;

namespace TicketGrains.Api.Channels;

/// <summary>
/// A channel as answered: never its settings' values, only their names (<see cref="SettingNames"/>), its threading rule
/// (no secret in it) and the address the platform is to call (<see cref="Inbound"/>).
/// </summary>
public sealed record ChannelView(
    Guid Id,
    string Type,
    string Name,
    IReadOnlyList<string> SettingNames,
    JsonElement? Threading,
    string Inbound,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
