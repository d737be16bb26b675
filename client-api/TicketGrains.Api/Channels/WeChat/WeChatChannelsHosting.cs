using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.WeCom;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>Registers the wechat and wecom adapters, the WeCom puller and both senders, for the inbound endpoint and outbound side to find by type.</summary>
public static class WeChatChannelsHosting
{
    /// <summary>WeChat's and WeCom's answers come within a second or two; a call that hangs is retried later instead.</summary>
    public static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddWeChatChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WeChatApi.HttpClientName, client => client.Timeout = ApiTimeout);
        services.TryAddSingleton<AccessTokenCache>();
        services.TryAddSingleton<WeChatApi>();
        services.AddSingleton<IChannelAdapter, WeChatAdapter>();
        services.AddSingleton<IChannelAdapter, WeComAdapter>();
        services.AddSingleton<IMessagePuller, WeComPuller>();
        services.AddSingleton<IChannelSender, WeChatSender>();
        services.AddSingleton<IChannelSender, WeComSender>();
        return services;
    }
}
