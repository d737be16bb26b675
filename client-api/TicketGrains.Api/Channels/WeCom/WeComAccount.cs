using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.Api.Channels.WeCom;

/// <summary>The WeCom API account of a wecom channel: its corp and customer-service secret at its apiBaseUrl.</summary>
public static class WeComAccount
{
    public static ApiAccount Of(ChannelInfo channel) => ApiAccount.Corp(
        channel.Settings.GetValueOrDefault(WeComSettings.ApiBaseUrl) ?? WeComSettings.DefaultApiBaseUrl,
        CallbackChecks.RequiredSetting(channel.Settings, WeComSettings.CorpId),
        CallbackChecks.RequiredSetting(channel.Settings, WeComSettings.Secret));
}
