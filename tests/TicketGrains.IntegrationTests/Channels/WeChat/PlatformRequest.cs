using System.Text.Json.Nodes;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>A request the fake platform received: method, path, query and JSON body (null for a GET).</summary>
public sealed record PlatformRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, JsonObject? Body)
{
    /// <summary>The body as compact JSON text, for exact comparisons.</summary>
    public string? BodyJson => Body?.ToJsonString();
}
