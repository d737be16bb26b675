using System.Text;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>Creates app and phone channels and posts raw signed requests to their inbound address, with no bearer token.</summary>
public sealed class ChannelPoster(HttpClient http, ApiClient admin)
{
    public const string TimestampHeader = "X-TicketGrains-Timestamp";
    public const string SignatureHeader = "X-TicketGrains-Signature";

    public static async Task<(ChannelPoster Poster, Guid Channel)> CreateAsync(HttpClient http, ApiClient admin, string type = "app", object? threading = null)
    {
        var settings = threading is null ? (object)new { secret = AppRequests.Secret } : new { secret = AppRequests.Secret, threading };
        var created = (await admin.PostAsync("/api/v1/channels", new { type, name = $"{type} channel", settings })).Expect(System.Net.HttpStatusCode.Created);
        return (new ChannelPoster(http, admin), created.Id);
    }

    public ApiClient Admin => admin;

    /// <summary>Posts the body signed with the channel's secret at <paramref name="signedAt"/> (now when null).</summary>
    public Task<ApiResponse> PostAsync(Guid channel, string body, DateTimeOffset? signedAt = null, string secret = AppRequests.Secret)
    {
        var timestamp = AppRequests.Timestamp(signedAt ?? DateTimeOffset.UtcNow);
        return PostRawAsync(channel, Encoding.UTF8.GetBytes(body), timestamp, AppRequests.Signature(secret, timestamp, body));
    }

    public Task<ApiResponse> PostRawAsync(Guid channel, byte[] body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/channels/{channel}/inbound") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, signature);
        return new ApiClient(http, null, "").SendAsync(request);
    }

    /// <summary>How many inbound messages of the channel the event log holds (version 1 of each message's stream).</summary>
    public static async Task<int> StoredAsync(TestDatabase database, Guid channel) =>
        (int)(await database.ColumnAsync<long>("SELECT count(*) FROM tg_events WHERE stream_id LIKE $1 AND version = 1", $"inbound/{channel:D}/%")).Single();
}
