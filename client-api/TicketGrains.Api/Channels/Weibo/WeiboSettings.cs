using TicketGrains.Api.Channels.Douyin;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>The settings keys of a Weibo fan-service channel and the reply path used unless a channel overrides it.</summary>
internal static class WeiboSettings
{
    public const string AppSecret = "appSecret";
    public const string ApiBaseUrl = "apiBaseUrl";

    /// <summary>Optional for receiving, needed for replies: the fan-service access token of the shop's account.</summary>
    public const string AccessToken = "accessToken";

    /// <summary>Optional: the customer-service reply path (documented as /2/messages/reply.json on m.api.weibo.com).</summary>
    public const string ReplyPath = "replyPath";

    public const string DefaultReplyPath = "/2/messages/reply.json";

    public static string? Value(IReadOnlyDictionary<string, string> settings, string key) => DouyinSettings.Value(settings, key);
}
