using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>The server API account of a wechat channel: its AppID and AppSecret at its apiBaseUrl (WeChat's own by default).</summary>
public static class WeChatAccount
{
    public static ApiAccount Of(ChannelInfo channel) => ApiAccount.OfficialAccount(
        channel.Settings.GetValueOrDefault(WeChatSettings.ApiBaseUrl) ?? WeChatSettings.DefaultApiBaseUrl,
        CallbackChecks.RequiredSetting(channel.Settings, WeChatSettings.AppId),
        CallbackChecks.RequiredSetting(channel.Settings, WeChatSettings.AppSecret));
}
