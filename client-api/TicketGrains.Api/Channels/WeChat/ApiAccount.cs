namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// An account on WeChat's or WeCom's server API: its base address (the channel's apiBaseUrl) and the path and query
/// that issue its access token (which hold its credentials, so they also key the token cache).
/// </summary>
public sealed record ApiAccount(string BaseUrl, string TokenPathAndQuery)
{
    public string TokenUrl => BaseUrl.TrimEnd('/') + TokenPathAndQuery;

    public string Url(string path, string accessToken) => $"{BaseUrl.TrimEnd('/')}{path}?access_token={Uri.EscapeDataString(accessToken)}";

    /// <summary>An Official Account: <c>/cgi-bin/token</c> with its AppID and AppSecret.</summary>
    public static ApiAccount OfficialAccount(string baseUrl, string appId, string appSecret) =>
        new(baseUrl, $"/cgi-bin/token?grant_type=client_credential&appid={Uri.EscapeDataString(appId)}&secret={Uri.EscapeDataString(appSecret)}");

    /// <summary>A WeCom corp with one of its secrets: <c>/cgi-bin/gettoken</c>.</summary>
    public static ApiAccount Corp(string baseUrl, string corpId, string secret) =>
        new(baseUrl, $"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(corpId)}&corpsecret={Uri.EscapeDataString(secret)}");
}
