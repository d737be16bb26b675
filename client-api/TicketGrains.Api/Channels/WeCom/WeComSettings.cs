namespace TicketGrains.Api.Channels.WeCom;

/// <summary>The settings keys of a wecom (WeCom customer service, 微信客服) channel and the platform's own API address.</summary>
public static class WeComSettings
{
    public const string Token = "token";
    public const string EncodingAesKey = "encodingAesKey";
    public const string CorpId = "corpId";

    /// <summary>The customer-service secret: only its access token may call sync_msg and send_msg.</summary>
    public const string Secret = "secret";

    /// <summary>The customer-service account (open_kfid) this channel receives and replies for.</summary>
    public const string OpenKfId = "openKfId";

    public const string ApiBaseUrl = "apiBaseUrl";
    public const string DefaultApiBaseUrl = "https://qyapi.weixin.qq.com";
}
