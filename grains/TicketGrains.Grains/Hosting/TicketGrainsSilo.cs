using System.Net;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Dashboard;
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
            .AddAdoNetGrainStorage("Default", o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString))
            .AddAdoNetGrainStorage("PubSubStore", o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, connectionString))
            .AddMemoryStreams(LiveFeed.ProviderName)
            .AddDashboard()
            .Configure<ClusterMembershipOptions>(FailureDetection.Tune)
            .UseRefusedSiloDetection()
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeouts.Response)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = sla.SweepPeriod < o.MinimumReminderPeriod ? sla.SweepPeriod : o.MinimumReminderPeriod)
            .UseClusterTls(configuration);
        silo.Services.AddTicketGrainsDomain(configuration).AddTicketGrainsPostgres(connectionString);
        return silo;
    }
}
