namespace TicketGrains.Api.Channels;

/// <summary>A channel request that passed validation: its settings as text values, the threading rule as JSON (null: the default).</summary>
public sealed record ValidChannel(string Type, string Name, IReadOnlyDictionary<string, string> Settings, string? ThreadingJson);
