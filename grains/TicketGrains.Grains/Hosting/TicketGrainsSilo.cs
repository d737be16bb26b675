using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using TicketGrains.Abstractions;
using TicketGrains.Grains.Domain;

namespace TicketGrains.Grains.Hosting;

/// <summary>Configures a silo of the PostgreSQL-backed cluster.</summary>
public static class TicketGrainsSilo
{
    public const string AdoNetInvariant = "Npgsql";

    public static ISiloBuilder UseTicketGrainsCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = PostgresConnection.Require(configuration);
        var cluster = configuration.GetSection("Orleans").Get<ClusterSettings>() ?? new ClusterSettings();
        var sla = configuration.GetSection("Sla").Get<SlaOptions>() ?? new SlaOptions();

        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId))
            .ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIP), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true)
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString))
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString))
            .AddTranslatedGrainStorage("Default", connectionString)
            .AddTranslatedGrainStorage("PubSubStore", connectionString)
            .AddMemoryStreams(LiveFeed.ProviderName)
            .AddDashboard()
            .Configure<ClusterMembershipOptions>(FailureDetection.Tune)
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeouts.Response)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = sla.SweepPeriod < o.MinimumReminderPeriod ? sla.SweepPeriod : o.MinimumReminderPeriod)
            .UseClusterTls(configuration);
        silo.Services.AddTicketGrainsDomain(configuration).AddTicketGrainsPostgres(connectionString);
        return silo;
    }

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
