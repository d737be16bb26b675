using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// Calls WeChat's and WeCom's JSON server APIs with the account's access token: the token comes from the cache, and
/// once refused it is fetched again and the call repeated once. An errcode other than 0 is a
/// <see cref="WeChatApiException"/>; a transport failure or an unreadable answer an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class WeChatApi(IHttpClientFactory clients, AccessTokenCache tokens)
{
    public const string HttpClientName = "wechat";

    public async Task<JsonObject> PostAsync(ApiAccount account, string path, JsonObject body, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(account, cancellationToken);
        try
        {
            return await SendAsync(HttpMethod.Post, account.Url(path, token), body, cancellationToken);
        }
        catch (WeChatApiException e) when (e.TokenRejected)
        {
            tokens.Invalidate(account.TokenUrl, token);
            return await SendAsync(HttpMethod.Post, account.Url(path, await TokenAsync(account, cancellationToken)), body, cancellationToken);
        }
    }

    /// <summary>
    /// Downloads a file (a media API answers the file itself, or JSON: an errcode, or a video's download address). A
    /// refused token is fetched again and the call repeated once, as for JSON calls.
    /// </summary>
    public async Task<ApiFile> GetFileAsync(ApiAccount account, string path, string query, long maxBytes, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(account, cancellationToken);
        try
        {
            return await ApiFiles.DownloadAsync(Client(), $"{account.Url(path, token)}&{query}", maxBytes, cancellationToken);
        }
        catch (WeChatApiException e) when (e.TokenRejected)
        {
            tokens.Invalidate(account.TokenUrl, token);
            return await ApiFiles.DownloadAsync(Client(), $"{account.Url(path, await TokenAsync(account, cancellationToken))}&{query}", maxBytes, cancellationToken);
        }
    }

    /// <summary>A client that connects through the same guard as the API calls (for a video's download address).</summary>
    public HttpClient Client() => clients.CreateClient(HttpClientName);

    private Task<string> TokenAsync(ApiAccount account, CancellationToken cancellationToken) =>
        tokens.GetAsync(account.TokenUrl, async ct =>
        {
            var answer = await SendAsync(HttpMethod.Get, account.TokenUrl, null, ct);
            var token = answer["access_token"]?.GetValueKind() == JsonValueKind.String ? answer["access_token"]!.GetValue<string>() : null;
            var seconds = answer["expires_in"]?.GetValueKind() == JsonValueKind.Number ? answer["expires_in"]!.GetValue<int>() : 0;
            return token is { Length: > 0 } && seconds > 0
                ? new IssuedToken(token, TimeSpan.FromSeconds(seconds))
                : throw new HttpRequestException("The token answer has no access_token and expires_in.");
        }, cancellationToken);

    private async Task<JsonObject> SendAsync(HttpMethod method, string url, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        JsonObject answer;
        try
        {
            answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                ?? throw new HttpRequestException("The answer is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new HttpRequestException("The answer is not JSON.", e);
        }

        var code = answer["errcode"]?.GetValueKind() == JsonValueKind.Number ? answer["errcode"]!.GetValue<int>() : 0;
        return code == 0 ? answer : throw new WeChatApiException(code, answer["errmsg"]?.ToString() ?? "");
    }
}
