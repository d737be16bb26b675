using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketGrains.Api.Attachments;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.WeCom;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>Registers the wechat and wecom adapters, the WeCom puller, both senders and both media sources, for the inbound endpoint and outbound side to find by type.</summary>
public static class WeChatChannelsHosting
{
    public static IServiceCollection AddWeChatChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<PlatformApiOptions>(PlatformApiOptions.Section);
        services.AddHttpClient(WeChatApi.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<PlatformApiOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                new NetworkGuard(provider.GetRequiredService<IOptions<PlatformApiOptions>>().Value.AllowPrivateNetworks).Handler());
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
