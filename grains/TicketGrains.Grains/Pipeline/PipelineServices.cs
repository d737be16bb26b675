using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TicketGrains.Grains.Pipeline;

/// <summary>Registers the committed-event pipeline in a silo.</summary>
public static class PipelineServices
{
    /// <summary>The readers, checkpoint store, keeper and lag meter; subscribers register with AddEventSubscriber.</summary>
    public static IServiceCollection AddTicketGrainsPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section)
            .Validate(o => o.PollInterval >= TimeSpan.FromMilliseconds(10) && o.PollInterval <= TimeSpan.FromMinutes(1),
                "Pipeline:PollInterval must be between 00:00:00.010 and 00:01:00.")
            .Validate(o => o.PageSize is >= 1 and <= 10_000, "Pipeline:PageSize must be between 1 and 10000.")
            .Validate(o => o.BackoffMax >= o.PollInterval && o.BackoffMax <= TimeSpan.FromHours(1),
                "Pipeline:BackoffMax must be at least Pipeline:PollInterval and at most 01:00:00.")
            .Validate(o => o.KeeperInterval >= TimeSpan.FromMilliseconds(100) && o.KeeperInterval <= TimeSpan.FromMinutes(10),
                "Pipeline:KeeperInterval must be between 00:00:00.100 and 00:10:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICommittedEventSource, PostgresCommittedEventSource>();
        services.TryAddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.TryAddSingleton<SubscriberLagQuery>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SubscriberKeeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PipelineLagMeter>();
        if (configuration.GetValue<bool>($"{PipelineOptions.Section}:TestProbe"))
        {
            services.AddEventSubscriber<PipelineTestProbe>();
        }

        return services;
    }
}
