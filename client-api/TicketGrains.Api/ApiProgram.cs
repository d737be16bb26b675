using Orleans.Configuration;
using Orleans.Dashboard;
using TicketGrains.Abstractions;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Observability;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.Live;

namespace TicketGrains.Api;

/// <summary>The stand-alone REST front end: an Orleans client of the silos found in the PostgreSQL membership table.</summary>
public static class ApiProgram
{
    public static async Task Main(string[] args) => await Build(args).RunAsync();

    public static WebApplication Build(string[] args)
    {
        // Content root at the binaries, not the working directory: appsettings.json (quiet logging
        // defaults) must be found however the process was started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var connectionString = PostgresConnection.Require(builder.Configuration);
        builder.Services.AddClusterIdentity();
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (TicketGrainsSilo.AdoNetInvariant, connectionString))
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeouts.Response)
            .AddClusterConnectionStatusObserver(GatewayLoss.Shared)
            .AddClusterConnectionStatusObserver<GatewayLossLog>()
            .AddLiveFeedStreams()
            .AddDashboard()
            .UseClusterTls(builder.Configuration)
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                // Front ends may start before any silo: keep trying instead of exiting.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            }));
        builder.AddTicketGrainsObservability("ticketgrains-api");
        if (TelemetryOptions.Read(builder.Configuration).Exports)
        {
            // Grain calls become spans of the request's trace (only when traces are exported).
            builder.UseOrleansClient(client => client.AddActivityPropagation());
        }

        builder.AddTicketGrainsApi();
        var app = builder.Build();
        app.MapTicketGrainsApi();
        app.MapOrleansDashboard("/dashboard").RequireOperator(app.Services);
        app.MapTicketGrainsObservability();
        return app;
    }
}
