using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Channels.Weibo;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>Registers the Douyin and Weibo adapters and senders, which the channel core resolves by type.</summary>
public static class DouyinWeiboChannels
{
    public static IServiceCollection AddDouyinWeiboChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DouyinTokenCache>();
        services.AddValidatedOptions<PlatformApiOptions>(PlatformApiOptions.Section);
        PlatformHttp.Configure(services, DouyinSender.HttpClientName);
        PlatformHttp.Configure(services, WeiboSender.HttpClientName);
        services.AddSingleton<IChannelAdapter, DouyinAdapter>();
        services.AddSingleton<IChannelAdapter, WeiboAdapter>();
        services.AddSingleton<IChannelSender, DouyinSender>();
        services.AddSingleton<IChannelSender, WeiboSender>();
        return services;
    }
}
