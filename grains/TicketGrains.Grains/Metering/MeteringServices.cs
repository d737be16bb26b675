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

    /// <summary>
    /// The silo's part: the meter subscriber. <c>Metering:Count=false</c> leaves it out (the benchmark's comparison); read
    /// here because it decides a registration.
    /// </summary>
    public static IServiceCollection AddMeter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddUsageStore();
        if (configuration.GetValue("Metering:Count", true))
        {
            services.AddEventSubscriber<MeterSubscriber>();
        }

        return services;
    }
}
