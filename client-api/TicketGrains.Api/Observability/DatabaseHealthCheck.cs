using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TicketGrains.Api.Observability;

/// <summary>Readiness: PostgreSQL answers a trivial query within a short time. Never part of liveness.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource database) : IHealthCheck
{
    public const string Name = "database";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.");
        }
    }
}
