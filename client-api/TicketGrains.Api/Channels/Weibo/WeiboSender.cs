using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// Replies to a Weibo fan through the fan-service reply API (<see cref="WeiboSettings.DefaultReplyPath"/> at the channel's
/// apiBaseUrl): a form post of receiver_id, type=text and data={"text": …}, the channel's accessToken in the query.
/// </summary>
public sealed class WeiboSender(IHttpClientFactory clients) : IChannelSender
{
    public const string HttpClientName = "channels-weibo";

    /// <summary>Weibo refuses text replies longer than 300 characters.</summary>
    public const int MaxTextLength = 300;

    private const string Platform = "Weibo";

    public string Type => WeiboAdapter.ChannelType;

    public Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (WeiboSettings.Value(channel.Settings, WeiboSettings.ApiBaseUrl) is not { } baseUrl
            || WeiboSettings.Value(channel.Settings, WeiboSettings.AccessToken) is not { } token)
        {
            return Task.FromResult(SendOutcome.Failed("The Weibo channel lacks apiBaseUrl or accessToken", false));
        }

        if (message.Text.Length > MaxTextLength)
        {
            return Task.FromResult(SendOutcome.Failed($"Weibo replies are limited to {MaxTextLength} characters; this one has {message.Text.Length}", false));
        }

        var address = PlatformHttp.Address(baseUrl, WeiboSettings.Value(channel.Settings, WeiboSettings.ReplyPath) ?? WeiboSettings.DefaultReplyPath,
            $"access_token={Uri.EscapeDataString(token)}");
        return PlatformHttp.Guard(Platform, () => PostAsync(clients.CreateClient(HttpClientName), address, message, cancellationToken), cancellationToken);
    }

    private static async Task<SendOutcome> PostAsync(HttpClient http, Uri address, OutboundMessage message, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["receiver_id"] = message.RecipientId,
            ["type"] = "text",
            ["data"] = new JsonObject { ["text"] = message.Text }.ToJsonString(),
        });
        using var response = await http.PostAsync(address, form, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!text.TrimStart().StartsWith('{'))
        {
            return response.IsSuccessStatusCode
                ? SendOutcome.Failed("Weibo answered with a body that is not JSON", true)
                : PlatformHttp.ForStatus(Platform, response.StatusCode);
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (long.TryParse(PushJson.Text(root, "error_code"), out var code) && code != 0)
        {
            return SendOutcome.Failed($"Weibo reply failed: error {code} ({PushJson.Text(root, "error") ?? "no description"})", WeiboErrorCodes.IsRetryable(code));
        }

        return response.IsSuccessStatusCode
            ? SendOutcome.Delivered(PushJson.FirstText(root, "idstr", "id"))
            : PlatformHttp.ForStatus(Platform, response.StatusCode);
    }
}
