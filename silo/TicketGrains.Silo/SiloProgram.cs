using Npgsql;
using Orleans.Dashboard;
using TicketGrains.Api.Channels;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Observability;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Hosting;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Silo;

/// <summary>
/// A silo of the ticket cluster; by default it also serves the REST API (single-process mode). With the first argument
/// `migrate` it runs the migrate step instead (<see cref="MigrateCommand"/>) and exits; with `train-intents` it trains the
/// category model (<see cref="TrainIntentsCommand"/>).
/// </summary>
public static class SiloProgram
{
    /// <summary>How long a starting silo waits for the migrate step (a Kubernetes Job may run beside it).</summary>
    private static readonly TimeSpan SchemaDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> Main(string[] args)
    {
        if (args is [MigrateCommand.Name, .. var rest])
        {
            return await MigrateCommand.RunAsync(rest);
        }

        if (args is [TrainIntentsCommand.Name, .. var training])
        {
            return TrainIntentsCommand.Run(training);
        }

        if (args is [RebuildReadModelCommand.Name, .. var options])
        {
            return await RebuildReadModelCommand.RunAsync(options);
        }

        var app = Build(args);
        await app.Services.GetRequiredService<SchemaHealth>().WaitUntilMigratedAsync(
            app.Services.GetRequiredService<NpgsqlDataSource>(), app.Logger, SchemaDeadline, CancellationToken.None);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args)
    {
        // Content root at the binaries, not the working directory: appsettings.json (quiet logging
        // defaults) must be found however the process was started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var hostApi = builder.Configuration.GetValue("Silo:HostApi", true);
        builder.UseOrleans(silo =>
        {
            silo.UseTicketGrainsCluster(builder.Configuration);
            if (Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null)
            {
                silo.UseKubernetesHosting();
            }
        });
        builder.AddTicketGrainsObservability("ticketgrains-silo");
        builder.Services.AddHealthChecks().AddCheck<SiloMembershipHealthCheck>(SiloMembershipHealthCheck.Name, tags: [HealthProbes.Ready]);
        if (TelemetryOptions.Read(builder.Configuration).Exports)
        {
            // Grain calls become spans of the request's trace (only when traces are exported).
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }

        if (hostApi)
        {
            builder.AddTicketGrainsApi();
        }
        else
        {
            // A pure silo serves only the dashboard, the probes and /metrics, but the dashboard still needs an operator.
            builder.AddRequestLimits();
            builder.AddTicketGrainsSecurity();
            builder.Services.AddChannelPlatforms(builder.Configuration);
        }

        // Every silo may run the pipeline's channel-replies subscriber, so every silo can send replies.
        builder.Services.AddChannelReplies();

        var app = builder.Build();
        if (hostApi)
        {
            app.MapTicketGrainsApi();
        }
        else
        {
            app.UseTicketGrainsSecurity();
        }

        if (TicketGrainsSilo.DashboardEnabled(app.Configuration))
        {
            app.MapOrleansDashboard("/dashboard").RequireOperator(app.Services);
        }

        app.MapTicketGrainsObservability();
        PullTrace.WriteOnStop(app.Lifetime.ApplicationStopping, Environment.GetEnvironmentVariable("PULL_TRACE_FILE"));
        return app;
    }
}
