using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketGrains.Api.Observability;

/// <summary>
/// The probes: /livez answers 200 while the process serves HTTP and depends on nothing outside it (a database blip must
/// not restart every silo); /readyz runs the checks tagged <see cref="Ready"/> (PostgreSQL reachable, and on a silo: active
/// in the cluster) and answers 503 while one fails; /healthz is /readyz under the name earlier scripts used.
/// </summary>
public static class HealthProbes
{
    public const string Ready = "ready";

    public static IHealthChecksBuilder AddTicketGrainsHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [Ready]);

    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        var app = endpoints.MapGroup("").AllowAnonymous().WithTags("Operations");
        app.MapGet("/livez", (HealthCheckService health, CancellationToken cancellationToken) => ReportAsync(health, _ => false, cancellationToken))
            .WithName("Liveness").WithSummary("Liveness: the process serves requests (no dependency is checked).");
        app.MapGet("/readyz", (HealthCheckService health, CancellationToken cancellationToken) => ReportAsync(health, IsReadiness, cancellationToken))
            .WithName("Readiness").WithSummary("Readiness: PostgreSQL is reachable and, on a silo, the silo is active in the cluster; 503 otherwise.");
        app.MapGet("/healthz", (HealthCheckService health, CancellationToken cancellationToken) => ReportAsync(health, IsReadiness, cancellationToken))
            .WithName("Health").WithSummary("Readiness, under its earlier name.");
        return endpoints;
    }

    private static bool IsReadiness(HealthCheckRegistration check) => check.Tags.Contains(Ready);

    private static async Task<IResult> ReportAsync(HealthCheckService health, Func<HealthCheckRegistration, bool> checks, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(checks, cancellationToken);
        var body = new HealthBody(
            report.Status.ToString().ToLowerInvariant(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description)));
        return report.Status == HealthStatus.Unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
    }
}
