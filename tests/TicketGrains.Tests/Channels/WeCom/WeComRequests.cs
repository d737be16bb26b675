using System.Text;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.Api.Channels.WeCom;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.Tests.Channels.WeCom;

/// <summary>
/// WeCom customer-service callbacks as WeCom sends them (developer.work.weixin.qq.com, 接收消息和事件): everything
/// encrypted for the corp, the URL check's echostr too, signed by msg_signature. Corp and accounts are made up.
/// </summary>
public static class WeComRequests
{
    public const string Token = "tg-wecom-fixture-token";
    public const string EncodingAesKey = "/E6GAgryLp9ka9RmepF2clFSODomPPeLbh8MgNJSTAY";
    public const string CorpId = "ww7d3c9a1e5f2b8046";
    public const string Secret = "kf-secret-Yq2Lw8Rm4Tz6Pn0Vb3Xc";
    public const string OpenKfId = "wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw";
    public const string PullToken = "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR";
    private const string Nonce = "5e8a1f3c";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        [WeComSettings.Token] = Token, [WeComSettings.EncodingAesKey] = EncodingAesKey, [WeComSettings.CorpId] = CorpId,
        [WeComSettings.Secret] = Secret, [WeComSettings.OpenKfId] = OpenKfId,
    };

    public static string KfMsgOrEvent(string openKfId = OpenKfId) => $"""
        <xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><CreateTime>1796299200</CreateTime><MsgType><![CDATA[event]]></MsgType>
        <Event><![CDATA[kf_msg_or_event]]></Event><Token><![CDATA[{PullToken}]]></Token><OpenKfId><![CDATA[{openKfId}]]></OpenKfId></xml>
        """;

    public static InboundRequest UrlCheck(string echo, DateTimeOffset at, string corpId = CorpId)
    {
        var encrypted = Encrypt(echo, corpId);
        return new InboundRequest("GET", Query(at, encrypted, ("echostr", encrypted)), new Dictionary<string, string>(), [], at);
    }

    public static InboundRequest Callback(string xml, DateTimeOffset at, string corpId = CorpId)
    {
        var encrypted = Encrypt(xml, corpId);
        var body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
        return WeChatRequests.Post(Query(at, encrypted), Encoding.UTF8.GetBytes(body), at);
    }

    private static string Encrypt(string text, string corpId) => new WeChatCrypto(EncodingAesKey).Encrypt(text, corpId, WeChatRequests.FixedRandom);

    private static Dictionary<string, string> Query(DateTimeOffset at, string encrypted, params (string Name, string Value)[] extra)
    {
        var timestamp = WeChatRequests.Timestamp(at);
        var query = new Dictionary<string, string>
        {
            ["msg_signature"] = Signatures.SortedSha1Hex(Token, timestamp, Nonce, encrypted), ["timestamp"] = timestamp, ["nonce"] = Nonce,
        };
        foreach (var (name, value) in extra)
        {
            query[name] = value;
        }

        return query;
    }
}
