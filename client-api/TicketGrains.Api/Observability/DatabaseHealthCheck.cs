using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Observability;

/// <summary>
/// Readiness: PostgreSQL answers within a short time and has every table of the schema (one catalogue query): not
/// ready while it is unreachable, not migrated yet, or after a durable table was lost under this process (fatal,
/// see <see cref="SchemaHealth"/>). Never part of liveness.
/// </summary>
public sealed class DatabaseHealthCheck(SchemaHealth schema) : IHealthCheck
{
    public const string Name = "database";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static readonly Dictionary<SchemaCondition, string> Titles = new()
    {
        [SchemaCondition.NotMigrated] = "The database schema is not migrated.",
        [SchemaCondition.TableLost] = "A durable table is missing; writes are refused.",
    };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        SchemaStatus status;
        try
        {
            status = await schema.CheckAsync(timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.");
        }

        return status.IsWhole
            ? HealthCheckResult.Healthy("PostgreSQL answers and the schema is whole.")
            : HealthCheckResult.Unhealthy($"{Titles[status.Condition]} {status.Detail}");
    }
}
