using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Pipeline;

/// <summary>Registers the committed-event pipeline in a silo.</summary>
public static class PipelineServices
{
    /// <summary>The readers, checkpoint store, keeper and lag meter; subscribers register with AddEventSubscriber.</summary>
    public static IServiceCollection AddTicketGrainsPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PipelineOptions>(PipelineOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostgresCommittedEventSource>();
        services.TryAddSingleton<ICommittedEventSource>(sp =>
        {
            var wakeup = sp.GetRequiredService<PipelineWakeup>();
            var headers = new SharedHeaderReads(sp.GetRequiredService<PostgresCommittedEventSource>(), SharedHeaderReads.DefaultCapacity, () => wakeup.WakeUps);
            return new SharedDataReads(headers, sp.GetRequiredService<IOptions<PipelineOptions>>().Value.SharedDataChars);
        });
        services.TryAddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.TryAddSingleton<SubscriberLagQuery>();
        services.TryAddSingleton<PipelineWakeup>();
        services.AddSingleton<ICommitListener>(sp => sp.GetRequiredService<PipelineWakeup>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, CommitNotifier>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SubscriberKeeper>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PipelineLagMeter>();
        // Read here as well because it decides a registration, which options bound later cannot.
        if (configuration.GetSection(PipelineOptions.Section).GetValue<bool>(nameof(PipelineOptions.TestProbe)))
        {
            services.AddEventSubscriber<PipelineTestProbe>();
        }

        return services;
    }
}
