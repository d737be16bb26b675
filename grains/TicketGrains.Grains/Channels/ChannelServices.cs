using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.AutoFill.Intents;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Registers channels: their stores (API and silo) and the pipeline subscribers that file inbound messages and link their
/// senders (silo), with the category classifier that sets or proposes a new ticket's category.
/// </summary>
public static class ChannelServices
{
    public static IServiceCollection AddChannelStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ChannelStore>();
        services.TryAddSingleton<ChannelSettingsSeal>();
        services.TryAddSingleton<IPullCursorStore, PullCursorStore>();
        return services;
    }

    public static IServiceCollection AddInboundTicketWork(this IServiceCollection services)
    {
        services.AddChannelStores();
        services.TryAddSingleton<IThreadingRules, StoredThreadingRules>();
        services.AddCustomerLinking();
        services.AddIntentClassification();
        services.TryAddSingleton<InboundContentReader>();
        services.TryAddSingleton<InboundTicketWork>();
        services.AddEventSubscriber<InboundMessageSubscriber>();
        services.AddEventSubscriber<InboundLinkingSubscriber>();
        return services;
    }
}
