using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using TicketGrains.Abstractions;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Hosting.Joining;
using TicketGrains.Grains.Live;
using TicketGrains.Grains.Metering;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Webhooks;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Surges;

namespace TicketGrains.Grains.Hosting;

/// <summary>Configures a silo of the PostgreSQL-backed cluster.</summary>
public static class TicketGrainsSilo
{
    public const string AdoNetInvariant = "Npgsql";

    public static ISiloBuilder UseTicketGrainsCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = PostgresConnection.Require(configuration);
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString))
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString))
            .AddTranslatedGrainStorage("Default", connectionString)
            .AddTranslatedGrainStorage("PubSubStore", connectionString)
            .AddLiveFeedStreams()
            .Configure<ClusterMembershipOptions>(FailureDetection.Tune)
            .UseRefusedSiloDetection()
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeouts.Response)
            .UseClusterTls(configuration);
        silo.Services.AddClusterIdentity().AddSiloEndpoints();
        if (DashboardEnabled(configuration))
        {
            silo.AddDashboard();
        }

        if (configuration.GetValue($"{ClusterSettings.Section}:{nameof(ClusterSettings.Placement)}", ClusterSettings.ResourceOptimizedPlacement)
            == ClusterSettings.RandomPlacement)
        {
            // Registered after Orleans' default strategy, so this one is what grains without an attribute get.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        }

        silo.UseJoiningSiloSlowStart(TimeSpan.FromSeconds(
            configuration.GetValue($"{ClusterSettings.Section}:{nameof(ClusterSettings.SlowStartSeconds)}", ClusterSettings.DefaultSlowStartSeconds)));

        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<SlaOptions>>((o, sla) =>
            o.MinimumReminderPeriod = sla.Value.SweepPeriod < o.MinimumReminderPeriod ? sla.Value.SweepPeriod : o.MinimumReminderPeriod);
        silo.Services.AddTicketGrainsDomain().AddTicketGrainsPostgres(connectionString).AddTicketGrainsPipeline(configuration).AddWebhookDelivery()
            .AddInboundTicketWork().AddMediaFetchQueueing().AddMeter(configuration)
            .AddFieldProposals(configuration).AddSurgeDetection(configuration);
        return silo;
    }

    /// <summary>Whether the silo runs the Orleans dashboard (<see cref="ClusterSettings.Dashboard"/>).</summary>
    public static bool DashboardEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{ClusterSettings.Section}:{nameof(ClusterSettings.Dashboard)}", true);

    /// <summary>ADO.NET grain storage on PostgreSQL whose driver failures reach callers as the project's own 503 error.</summary>
    private static ISiloBuilder AddTranslatedGrainStorage(this ISiloBuilder silo, string name, string connectionString)
    {
        silo.AddAdoNetGrainStorage(name, o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString));
        // Registered after the ADO.NET provider's own, so this one is what the name resolves to (also for its lifecycle).
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, key) =>
            new TranslatedGrainStorage(AdoNetGrainStorageFactory.Create(services, (string)key!)));
        return silo;
    }
}
