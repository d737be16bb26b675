using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Channels.Web;

/// <summary>The web channel: its adapter, its sender, the replies it keeps for visitors and its request limit; its routes and assets.</summary>
public static class WebChannelHosting
{
    public static IServiceCollection AddWebChannel(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebChannelOptions>(WebChannelOptions.Section);
        services.AddSingleton<WebRequestLimiter>();
        services.AddSingleton<IChannelAdapter, WebChannelAdapter>();
        services.AddSingleton<WebConversationStore>();
        services.AddSingleton<IChannelSender, WebChannelSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebChannel(this IEndpointRouteBuilder app) => app.MapWebChannelApi().MapWebAssets();
}
