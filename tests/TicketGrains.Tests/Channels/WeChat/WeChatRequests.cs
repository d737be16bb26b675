using System.Text;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.Tests.Channels.WeChat;

/// <summary>
/// Builds WeChat's requests to a channel's inbound address as WeChat does: the query signed with the channel's token,
/// the body plain or, in safe mode, encrypted with its EncodingAESKey (a fixed random part, so fixtures are stable).
/// </summary>
public static class WeChatRequests
{
    public const string Token = "tg-wechat-fixture-token";
    public const string AppId = "wx5c2e1f0d9a7b3c41";
    public const string AppSecret = "5f0b1c9e8d7a6b5c4d3e2f1a0b9c8d7e";
    public const string EncodingAesKey = "A2ImmoKfrB6+TehoJcr/T4MWPfKJt9ZhNpoTjCvsIPY";
    public const string Nonce = "1425372871";
    public static readonly byte[] FixedRandom = Encoding.ASCII.GetBytes("tg-fixture-rand!");

    public static readonly IReadOnlyDictionary<string, string> PlainSettings = new Dictionary<string, string>
    {
        [WeChatSettings.Token] = Token, [WeChatSettings.AppId] = AppId, [WeChatSettings.AppSecret] = AppSecret,
    };

    public static readonly IReadOnlyDictionary<string, string> SafeModeSettings = new Dictionary<string, string>(PlainSettings)
    {
        [WeChatSettings.EncodingAesKey] = EncodingAesKey,
    };

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static InboundRequest UrlCheck(string echo, DateTimeOffset at, string token = Token) => new("GET", new Dictionary<string, string>
    {
        ["signature"] = Signatures.SortedSha1Hex(token, Timestamp(at), Nonce), ["timestamp"] = Timestamp(at), ["nonce"] = Nonce, ["echostr"] = echo,
    }, new Dictionary<string, string>(), [], at);

    public static InboundRequest Plain(string xml, DateTimeOffset at, string token = Token) => Post(new Dictionary<string, string>
    {
        ["signature"] = Signatures.SortedSha1Hex(token, Timestamp(at), Nonce), ["timestamp"] = Timestamp(at), ["nonce"] = Nonce,
        ["openid"] = WeChatPushes.Follower,
    }, Encoding.UTF8.GetBytes(xml), at);

    public static InboundRequest Encrypted(string xml, DateTimeOffset at, string appId = AppId, string token = Token) =>
        Sealed(xml, at, appId, token, encrypted => $"<xml><ToUserName><![CDATA[{WeChatPushes.Account}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>");

    /// <summary>Compatible mode: the plaintext push as it is, its ciphertext added beside its fields.</summary>
    public static InboundRequest Compatible(string xml, DateTimeOffset at) =>
        Sealed(xml, at, AppId, Token, encrypted => xml.Replace("</xml>", $"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>", StringComparison.Ordinal));

    private static InboundRequest Sealed(string xml, DateTimeOffset at, string appId, string token, Func<string, string> envelope)
    {
        var encrypted = new WeChatCrypto(EncodingAesKey).Encrypt(xml, appId, FixedRandom);
        var body = envelope(encrypted);
        return Post(new Dictionary<string, string>
        {
            ["signature"] = Signatures.SortedSha1Hex(token, Timestamp(at), Nonce), ["timestamp"] = Timestamp(at), ["nonce"] = Nonce,
            ["openid"] = WeChatPushes.Follower, ["encrypt_type"] = "aes",
            ["msg_signature"] = Signatures.SortedSha1Hex(token, Timestamp(at), Nonce, encrypted),
        }, Encoding.UTF8.GetBytes(body), at);
    }

    public static InboundRequest Post(IReadOnlyDictionary<string, string> query, byte[] body, DateTimeOffset at) =>
        new("POST", query, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "text/xml" }, body, at);

    /// <summary>The same request with one query parameter changed (or removed, when null).</summary>
    public static InboundRequest WithQuery(this InboundRequest request, string name, string? value)
    {
        var query = new Dictionary<string, string>(request.Query);
        if (value is null)
        {
            query.Remove(name);
        }
        else
        {
            query[name] = value;
        }

        return request with { Query = query };
    }
}
