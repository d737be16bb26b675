using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Surges;

/// <summary>Registers surge detection: the stores (front ends read surges and settings), and on silos the detecting subscriber.</summary>
public static class SurgeServices
{
    public static IServiceCollection AddSurgeStores(this IServiceCollection services)
    {
        services.TryAddSingleton<SurgeStore>();
        services.TryAddSingleton<SurgeSettingsStore>();
        return services;
    }

    /// <summary>The silo's part, unless <see cref="SurgeOptions.Detect"/> is off (read here: it decides a registration).</summary>
    public static IServiceCollection AddSurgeDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SurgeOptions>(SurgeOptions.Section);
        services.AddSurgeStores();
        services.TryAddSingleton<SurgeDetectorStore>();
        services.TryAddSingleton<SurgeReactions>();
        if (configuration.GetSection(SurgeOptions.Section).GetValue(nameof(SurgeOptions.Detect), true))
        {
            services.AddEventSubscriber<SurgeSubscriber>();
        }

        return services;
    }
}
