using TicketGrains.Api.Attachments;
using TicketGrains.Api.Channels.App;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Email;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Web;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels;

/// <summary>
/// Registers the channel core: configuration, directory, acceptor, pulls, and the app and phone adapters. Each platform
/// folder registers its own adapter, puller and sender as IChannelAdapter / IMessagePuller / IChannelSender singletons;
/// the inbound endpoint finds them by type.
/// </summary>
public static class ChannelsHosting
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddValidatedOptions<ChannelOptions>(ChannelOptions.Section);
        services.AddChannelStores();
        services.AddSingleton<ChannelAdapters>();
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<IChannelDirectory>(sp => sp.GetRequiredService<ChannelDirectory>());
        services.AddSingleton<IInboundAcceptor, InboundAcceptor>();
        services.AddSingleton<InboundPulls>();
        services.AddHostedService<PullCatchUp>();
        services.AddSingleton<IChannelAdapter>(new AppChannelAdapter(AppChannelAdapter.App));
        services.AddSingleton<IChannelAdapter>(new AppChannelAdapter(AppChannelAdapter.Phone));
        return services;
    }

    /// <summary>
    /// The channel core and every platform's adapters, pullers and senders: what the API serves inbound addresses with,
    /// and what a silo sends replies with (a pure silo registers them for that alone).
    /// </summary>
    public static IServiceCollection AddChannelPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChannels();
        // The inbound acceptor stores the files a request carries, and the media fetch follows what it stored.
        services.AddAttachmentsApi();
        services.AddWeChatChannels();
        services.AddDouyinWeiboChannels();
        services.AddEmailChannel(configuration);
        services.AddWebChannel();
        return services;
    }
}
