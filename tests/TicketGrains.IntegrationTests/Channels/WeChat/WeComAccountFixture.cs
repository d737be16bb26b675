using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>The made-up WeCom corp, customer-service account and customer the WeCom tests use.</summary>
public static class WeComAccountFixture
{
    public const string CorpId = "ww7d3c9a1e5f2b8046";
    public const string Secret = "kf-secret-Yq2Lw8Rm4Tz6Pn0Vb3Xc";
    public const string OpenKfId = "wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw";
    public const string Customer = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw";

    public static ChannelInfo Channel(string apiBaseUrl, string secret = Secret) => WeChatServices.Channel("wecom", new()
    {
        ["token"] = "t", ["encodingAesKey"] = "/E6GAgryLp9ka9RmepF2clFSODomPPeLbh8MgNJSTAY", ["corpId"] = CorpId, ["secret"] = secret,
        ["openKfId"] = OpenKfId, ["apiBaseUrl"] = apiBaseUrl,
    });
}
