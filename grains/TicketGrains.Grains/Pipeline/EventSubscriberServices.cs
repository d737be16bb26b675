using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketGrains.Grains.Pipeline;

/// <summary>Registers consumers of the committed-event pipeline.</summary>
public static class EventSubscriberServices
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as a singleton subscriber; the silo runs one
    /// subscriber grain for it cluster-wide. Registering the same type twice has no effect.
    /// </summary>
    public static IServiceCollection AddEventSubscriber<T>(this IServiceCollection services)
        where T : class, IEventSubscriber
    {
        services.TryAddSingleton<T>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventSubscriber, T>(sp => sp.GetRequiredService<T>()));
        return services;
    }
}
