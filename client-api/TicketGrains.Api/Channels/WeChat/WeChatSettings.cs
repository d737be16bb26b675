namespace TicketGrains.Api.Channels.WeChat;

/// <summary>The settings keys of a wechat channel and the platform's own API address.</summary>
public static class WeChatSettings
{
    public const string Token = "token";
    public const string AppId = "appId";

    /// <summary>Set when the account runs in safe mode (or compatible mode): then every push must be encrypted.</summary>
    public const string EncodingAesKey = "encodingAesKey";

    public const string AppSecret = "appSecret";
    public const string ApiBaseUrl = "apiBaseUrl";
    public const string DefaultApiBaseUrl = "https://api.weixin.qq.com";
}
