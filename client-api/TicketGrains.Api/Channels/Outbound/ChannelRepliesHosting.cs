using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>Registers the reply side: the outbox, and on silos the pipeline subscriber that fills it and the dispatcher that sends.</summary>
public static class ChannelRepliesHosting
{
    /// <summary>What reads delivery states (the API's ticket reads).</summary>
    public static IServiceCollection AddReplyDeliveries(this IServiceCollection services)
    {
        services.TryAddSingleton<ReplyStore>();
        return services;
    }

    /// <summary>
    /// The sending side, for every silo (pure or co-hosting the API): the channels' senders must be registered too
    /// (<see cref="ChannelsHosting.AddChannelPlatforms"/>).
    /// </summary>
    public static IServiceCollection AddChannelReplies(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReplyOptions>(ReplyOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddReplyDeliveries();
        services.TryAddSingleton<ReplyReader>();
        services.TryAddSingleton<ReplySending>();
        services.TryAddSingleton<ReplyOutcomes>();
        services.TryAddSingleton<ReplyDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplyDispatcher>());
        services.AddEventSubscriber<ChannelReplySubscriber>();
        return services;
    }
}
