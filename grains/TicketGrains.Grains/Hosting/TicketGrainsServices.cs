using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Speech;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Live;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Hosting;

/// <summary>Service registrations shared by the silo, the API front end and the tests.</summary>
public static class TicketGrainsServices
{
    /// <summary>Options and silo-side helpers every grain needs.</summary>
    public static IServiceCollection AddTicketGrainsDomain(this IServiceCollection services)
    {
        services.AddValidatedOptions<SlaOptions>("Sla");
        services.AddValidatedOptions<EventLogOptions>("EventLog");
        services.AddValidatedOptions<AgentOptions>(AgentOptions.Section);
        services.AddValidatedOptions<LiveFeedAudienceOptions>(LiveFeedAudienceOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TicketMetrics>();
        services.TryAddSingleton<PullPhaseMetrics>();
        services.TryAddSingleton<SlaWatchRegistry>();
        services.AddTicketGrainsEncryption();
        services.AddSpeechToText();
        return services;
    }

    /// <summary>The read side on PostgreSQL: enough for an API front end.</summary>
    public static IServiceCollection AddTicketGrainsReadModel(this IServiceCollection services, string connectionString)
    {
        // Named, so its pool shows in metrics and traces as "ticketgrains" rather than as its connection string.
        services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = PostgresConnection.Name.ToLowerInvariant() }.Build());
        services.TryAddSingleton<PostgresTicketReadModel>();
        services.TryAddSingleton<ITicketReadModel>(sp =>
            new SubjectOpeningReadModel(sp.GetRequiredService<PostgresTicketReadModel>(), sp.GetRequiredService<IPersonalDataProtection>()));
        services.TryAddSingleton<SchemaHealth>();
        services.TryAddSingleton<TicketChangeLog>();
        services.TryAddSingleton<IOrderTicketIndex, PostgresOrderTicketIndex>();
        services.TryAddSingleton<OrderEventInbox>();
        services.AddAttachments();
        return services;
    }

    /// <summary>The event log and read model on PostgreSQL, with the group-commit writer.</summary>
    public static IServiceCollection AddTicketGrainsPostgres(this IServiceCollection services, string connectionString)
    {
        services.AddTicketGrainsReadModel(connectionString);
        services.TryAddSingleton<EventLogMetrics>();
        services.TryAddSingleton<GroupCommitWriter>();
        services.TryAddSingleton<IEventLog, PostgresEventLog>();
        services.TryAddSingleton<EventPartitionMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<EventPartitionMaintenance>());
        services.TryAddSingleton<ISlaDocumentStore, PostgresSlaDocumentStore>();
        services.AddEventSubscriber<LiveFeedSubscriber>();
        services.TryAddSingleton<IRuleStore, PostgresRuleStore>();
        services.TryAddSingleton<TimeRuleDueStore>();
        services.TryAddSingleton<TimeRuleScheduler>();
        services.AddEventSubscriber<TriggerSubscriber>();
        return services;
    }

    /// <summary>In-memory event log and read model, for fast grain tests only.</summary>
    public static IServiceCollection AddTicketGrainsInMemory(this IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryEventLog>();
        services.TryAddSingleton<IEventLog>(sp => sp.GetRequiredService<InMemoryEventLog>());
        services.TryAddSingleton<ITicketReadModel, InMemoryTicketReadModel>();
        services.TryAddSingleton<ISlaDocumentStore, InMemorySlaDocumentStore>();
        services.TryAddSingleton<IRuleStore, InMemoryRuleStore>();
        services.TryAddSingleton<InMemoryOrderTicketIndex>();
        services.TryAddSingleton<IOrderTicketIndex>(sp => sp.GetRequiredService<InMemoryOrderTicketIndex>());
        services.TryAddSingleton<IAttachmentStore, InMemoryAttachmentStore>();
        return services;
    }
}
