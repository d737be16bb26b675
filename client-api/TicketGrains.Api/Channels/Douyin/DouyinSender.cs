using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// Replies to a Douyin customer through the private-message send API at the channel's apiBaseUrl, authenticated by a
/// client token from /oauth/client_token/ (cached per app until shortly before it expires). The send path is a setting
/// because Douyin's page for it could not be confirmed; the default is <see cref="DouyinSettings.DefaultSendPath"/>.
/// </summary>
public sealed class DouyinSender(IHttpClientFactory clients, DouyinTokenCache tokens) : IChannelSender
{
    public const string HttpClientName = "channels-douyin";
    private const string Platform = "Douyin";

    public string Type => DouyinAdapter.ChannelType;

    public Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var settings = channel.Settings;
        if (DouyinSettings.Value(settings, DouyinSettings.ApiBaseUrl) is not { } baseUrl
            || DouyinSettings.Value(settings, DouyinSettings.ClientKey) is not { } clientKey
            || DouyinSettings.Value(settings, DouyinSettings.ClientSecret) is not { } clientSecret)
        {
            return Task.FromResult(SendOutcome.Failed("The Douyin channel lacks apiBaseUrl, clientKey or clientSecret", false));
        }

        var app = new App($"{channel.Id}|{baseUrl}|{clientKey}", baseUrl, clientKey, clientSecret, settings);
        return PlatformHttp.Guard(Platform, () => SendAsync(clients.CreateClient(HttpClientName), app, message, cancellationToken), cancellationToken);
    }

    private async Task<SendOutcome> SendAsync(HttpClient http, App app, OutboundMessage message, CancellationToken cancellationToken)
    {
        var token = tokens.Find(app.Key);
        if (token is null)
        {
            var fetched = await FetchTokenAsync(http, app, cancellationToken);
            if (fetched.Failure is { } failure)
            {
                return failure;
            }

            token = fetched.Token!;
        }

        var query = DouyinSettings.Value(app.Settings, DouyinSettings.AccountOpenId) is { } openId ? $"open_id={Uri.EscapeDataString(openId)}" : null;
        using var request = new HttpRequestMessage(HttpMethod.Post,
            PlatformHttp.Address(app.BaseUrl, DouyinSettings.Value(app.Settings, DouyinSettings.SendPath) ?? DouyinSettings.DefaultSendPath, query))
        {
            Content = JsonContent.Create(Body(message)),
        };
        request.Headers.Add("access-token", token);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode && !LooksLikeJson(text))
        {
            return PlatformHttp.ForStatus(Platform, response.StatusCode);
        }

        var answer = DouyinAnswer.Read(text);
        if (answer.Succeeded)
        {
            return SendOutcome.Delivered(PushJson.FirstText(answer.Data, "msg_id", "server_message_id"));
        }

        if (DouyinErrorCodes.IsTokenRefused(answer.Code))
        {
            tokens.Forget(app.Key, token);
        }

        return SendOutcome.Failed(answer.Reason("send"), DouyinErrorCodes.IsRetryable(answer.Code));
    }

    private async Task<(string? Token, SendOutcome? Failure)> FetchTokenAsync(HttpClient http, App app, CancellationToken cancellationToken)
    {
        var address = PlatformHttp.Address(app.BaseUrl, DouyinSettings.Value(app.Settings, DouyinSettings.TokenPath) ?? DouyinSettings.DefaultTokenPath);
        using var response = await http.PostAsJsonAsync(address,
            new JsonObject { ["grant_type"] = "client_credential", ["client_key"] = app.ClientKey, ["client_secret"] = app.ClientSecret }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode && !LooksLikeJson(text))
        {
            return (null, PlatformHttp.ForStatus(Platform, response.StatusCode));
        }

        var answer = DouyinAnswer.Read(text);
        if (!answer.Succeeded || PushJson.Text(answer.Data, "access_token") is not { } token)
        {
            // A wrong key or secret (10003, 10013) needs the channel fixed; a retry cannot help.
            return (null, SendOutcome.Failed(answer.Reason("client_token"), DouyinErrorCodes.IsRetryable(answer.Code)));
        }

        var lifetime = long.TryParse(PushJson.Text(answer.Data, "expires_in"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(2);
        tokens.Keep(app.Key, token, lifetime);
        return (token, null);
    }

    /// <summary>A text reply to the customer, answering their last message and in its conversation when they are known.</summary>
    private static JsonObject Body(OutboundMessage message)
    {
        var body = new JsonObject
        {
            ["to_user_id"] = message.RecipientId,
            ["content"] = new JsonObject { ["msg_type"] = 1, ["text"] = new JsonObject { ["text"] = message.Text } },
        };
        if (message.InReplyTo is { } answered)
        {
            body["msg_id"] = answered;
        }

        if (message.ThreadKey is { } conversation)
        {
            body["conversation_id"] = conversation;
        }

        return body;
    }

    private static bool LooksLikeJson(string text) => text.TrimStart().StartsWith('{');

    private sealed record App(string Key, string BaseUrl, string ClientKey, string ClientSecret, IReadOnlyDictionary<string, string> Settings);
}
