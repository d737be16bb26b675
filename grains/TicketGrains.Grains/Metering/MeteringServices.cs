using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Metering;

/// <summary>Registers metering: the usage store and query (front ends), and on silos the pipeline subscriber that counts.</summary>
public static class MeteringServices
{
    public static IServiceCollection AddUsageStore(this IServiceCollection services)
    {
        services.TryAddSingleton<UsageStore>();
        services.TryAddSingleton<UsageQuery>();
        services.TryAddSingleton<UsagePlanStore>();
        services.TryAddSingleton<PlannedUsageQuery>();
        return services;
    }

    /// <summary>The silo's part: the meter subscriber, unless <see cref="MeteringOptions.Count"/> is off (read here: it decides a registration).</summary>
    public static IServiceCollection AddMeter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUsageStore();
        if (configuration.GetSection(MeteringOptions.Section).GetValue(nameof(MeteringOptions.Count), true))
        {
            services.AddEventSubscriber<MeterSubscriber>();
        }

        return services;
    }
}
