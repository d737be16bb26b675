using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Api.Attachments;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.WeCom;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>Registers the wechat and wecom adapters, the WeCom puller, both senders and both media sources, for the inbound endpoint and outbound side to find by type.</summary>
public static class WeChatChannelsHosting
{
    public static IServiceCollection AddWeChatChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<PlatformApiOptions>(PlatformApiOptions.Section);
        PlatformHttp.Configure(services, WeChatApi.HttpClientName);
        services.TryAddSingleton<AccessTokenCache>();
        services.TryAddSingleton<WeChatApi>();
        services.AddSingleton<IChannelAdapter, WeChatAdapter>();
        services.AddSingleton<IChannelAdapter, WeComAdapter>();
        services.AddSingleton<IMessagePuller, WeComPuller>();
        services.AddSingleton<IChannelSender, WeChatSender>();
        services.AddSingleton<IChannelSender, WeComSender>();
        services.AddSingleton<IMediaSource, WeChatMediaSource>();
        services.AddSingleton<IMediaSource, WeComMediaSource>();
        return services;
    }
}
