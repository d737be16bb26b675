using System.Text.Json;

namespace TicketGrains.Api.Channels;

/// <summary>A channel to create or replace: its type, a name for people, and its settings (credentials, threading).</summary>
public sealed record ChannelRequest(string? Type, string? Name, JsonElement? Settings);
