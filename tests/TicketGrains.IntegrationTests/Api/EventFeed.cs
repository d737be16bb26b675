using System.Net;
using System.Text.Json;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>A client of GET /api/v1/events over real HTTP: reads the server-sent events one block at a time.</summary>
public sealed class EventFeed : IDisposable
{
    private readonly HttpResponseMessage? _response;
    private readonly StreamReader _reader;

    private EventFeed(HttpResponseMessage? response, StreamReader reader, string? startId) =>
        (_response, _reader, StartId) = (response, reader, startId);

    /// <summary>One SSE block: its id, event name and data (null where the block has none).</summary>
    public sealed record Item(string? Id, string? Event, string? Data)
    {
        public JsonElement Json => JsonDocument.Parse(Data ?? throw new InvalidOperationException($"'{Event}' has no data.")).RootElement;

        /// <summary>(ticket id, version) of a ticket.changed event.</summary>
        public (Guid Ticket, int Version) Change => (Json.GetProperty("ticketId").GetGuid(), Json.GetProperty("version").GetInt32());
    }

    /// <summary>The id sent on connecting (where the feed starts), or null when the server sent none.</summary>
    public string? StartId { get; }

    /// <summary>Opens the feed with the given credential header; fails unless it answers 200 with an event stream.</summary>
    public static async Task<EventFeed> OpenAsync(HttpClient http, (string Name, string Value) credential, string? lastEventId, CancellationToken cancellationToken)
    {
        using var request = Request(credential, lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        Assert.Equal(": connected", await reader.ReadLineAsync(cancellationToken));
        var start = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The feed ended on connecting.");
        if (start.StartsWith("id: ", StringComparison.Ordinal))
        {
            Assert.Equal("", await reader.ReadLineAsync(cancellationToken));
        }

        return new EventFeed(response, reader, start.StartsWith("id: ", StringComparison.Ordinal) ? start["id: ".Length..] : null);
    }

    /// <summary>Reads events written to <paramref name="reader"/> by a feed run without HTTP.</summary>
    public static EventFeed Over(StreamReader reader) => new(null, reader, null);

    public static HttpRequestMessage Request((string Name, string Value) credential, string? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.TryAddWithoutValidation(credential.Name, credential.Value);
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        return request;
    }

    public static (string, string) Bearer(string token) => ("Authorization", "Bearer " + token);

    /// <summary>The next block that is not a comment (heartbeats are skipped), or null when the server ended the stream.</summary>
    public Task<Item?> NextAsync(CancellationToken cancellationToken) => ReadBlockAsync(_reader, cancellationToken);

    /// <summary>The next ticket.changed events, exactly <paramref name="count"/> of them; fails on the stream's end.</summary>
    public async Task<List<Item>> ChangesAsync(int count, CancellationToken cancellationToken)
    {
        var changes = new List<Item>();
        while (changes.Count < count)
        {
            var item = await NextAsync(cancellationToken) ?? throw new EndOfStreamException($"The feed ended after {changes.Count} of {count} changes.");
            Assert.Equal("ticket.changed", item.Event);
            changes.Add(item);
        }

        return changes;
    }

    private static async Task<Item?> ReadBlockAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var (id, name, data) = ((string?)null, (string?)null, (string?)null);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0 && (id ?? name ?? data) is not null)
            {
                return new Item(id, name, data);
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            (id, name, data) = field switch
            {
                "id" => (value, name, data),
                "event" => (id, value, data),
                "data" => (id, name, data is null ? value : data + "\n" + value),
                _ => (id, name, data),
            };
        }

        return null;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response?.Dispose();
    }
}
