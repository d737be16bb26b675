using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Webhooks;

/// <summary>Registers outbound webhooks.</summary>
public static class WebhookServices
{
    /// <summary>What the API needs to register and list webhooks (also part of <see cref="AddWebhookDelivery"/>).</summary>
    public static IServiceCollection AddWebhookStores(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookStore>();
        services.TryAddSingleton<WebhookDeliveryStore>();
        services.TryAddSingleton<WebhookSecretSeal>();
        return services;
    }

    /// <summary>The silo's part: the pipeline subscriber that fills the outbox, the endpoint grains' sender and the keeper.</summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddWebhookStores();
        services.TryAddSingleton<WebhookClock>();
        services.TryAddSingleton<WebhookSender>();
        services.AddEventSubscriber<WebhookSubscriber>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, WebhookKeeper>());
        return services;
    }
}
