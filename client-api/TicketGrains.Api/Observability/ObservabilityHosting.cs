using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Observability;

/// <summary>
/// What operators watch a silo or front end with: the health probes (<see cref="HealthProbes"/>), JSON console logs on
/// request, and OpenTelemetry: the metrics of ASP.NET Core, Orleans, Npgsql, the .NET runtime and every
/// meter of this project (named "TicketGrains*"), scraped at /metrics and pushed over OTLP when an endpoint is set;
/// traces of the same parts only when they have somewhere to go.
/// </summary>
public static class ObservabilityHosting
{
    /// <summary>Every meter and activity source of this project starts with this name.</summary>
    public const string ProjectPrefix = "TicketGrains";

    /// <summary>Orleans 10's meter (grain calls, activations, messaging, membership); its activity sources are in <see cref="ActivitySources"/>.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Npgsql's own meter and activity source (connection pool use, command durations; one span per command).</summary>
    public const string NpgsqlSource = "Npgsql";

    /// <summary>The .NET runtime's built-in meter (GC, thread pool, exceptions).</summary>
    public const string RuntimeMeter = "System.Runtime";

    public static WebApplicationBuilder AddTicketGrainsObservability(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddTicketGrainsHealthChecks();
        builder.Services.AddJsonConsoleOption();
        builder.Services.AddTelemetry(builder.Configuration, serviceName);
        return builder;
    }

    /// <summary>The probes, and /metrics for Prometheus when enabled: all anonymous.</summary>
    public static WebApplication MapTicketGrainsObservability(this WebApplication app)
    {
        app.MapHealthProbes();
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        }

        return app;
    }

    private static void AddJsonConsoleOption(this IServiceCollection services)
    {
        // Beside the standard logging keys, so unknown keys are not refused here; a value that is not a boolean fails the start.
        services.AddOptions<ConsoleLogOptions>().BindConfiguration(ConsoleLogOptions.Section).ValidateOnStart();
        services.AddOptions<ConsoleLoggerOptions>().Configure<IOptions<ConsoleLogOptions>>((console, format) =>
        {
            if (format.Value.Json)
            {
                console.FormatterName = ConsoleFormatterNames.Json;
            }
        });
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            // The request's scope carries its trace and span ids, which join a log line to its trace.
            json.IncludeScopes = true;
        });
    }

    private static void AddTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        var settings = TelemetryOptions.Read(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddMeter(OrleansMeter, NpgsqlSource, RuntimeMeter, ProjectPrefix + "*");
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (settings.Exports)
        {
            telemetry.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.TraceSampleRatio)))
                .AddAspNetCoreInstrumentation()
                .AddSource(ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName,
                    ActivitySources.LifecycleActivitySourceName, ActivitySources.StorageActivitySourceName, NpgsqlSource, ProjectPrefix + "*"))
                .UseOtlpExporter(settings.OtlpProtocol, settings.OtlpEndpoint!);
        }
    }
}
