using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>The front end's part of metering: the usage and plan stores, and the quota view with its refresher.</summary>
public static class MeteringHosting
{
    public static IServiceCollection AddUsageMetering(this IServiceCollection services)
    {
        services.AddValidatedOptions<MeteringOptions>(MeteringOptions.Section);
        services.AddUsageStore();
        services.AddSingleton<QuotaGate>();
        services.AddHostedService<QuotaRefresher>();
        return services;
    }
}
