using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// /healthz: 200 when this process runs, reaches PostgreSQL and finds every table of the schema; otherwise 503 saying
/// why (unreachable, not migrated yet, or a table lost under the running process, which is fatal: see SchemaHealth).
/// </summary>
public static class HealthEndpoint
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (SchemaHealth schema, CancellationToken cancellationToken) =>
        {
            SchemaStatus status;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ProbeTimeout);
                status = await schema.CheckAsync(timeout.Token);
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
            {
                return Results.Problem(statusCode: 503, title: "PostgreSQL is unreachable.");
            }

            return status.IsWhole
                ? Results.Ok(new { status = "ok" })
                : Results.Problem(statusCode: 503, title: Titles[status.Condition], detail: status.Detail,
                    extensions: new Dictionary<string, object?> { ["schema"] = status.Condition.ToString() });
        }).AllowAnonymous().WithTags("Operations").WithName("Health").WithSummary("Liveness, database reachability and schema.");
        return app;
    }

    private static readonly Dictionary<SchemaCondition, string> Titles = new()
    {
        [SchemaCondition.NotMigrated] = "The database schema is not migrated.",
        [SchemaCondition.TableLost] = "A durable table is missing; writes are refused.",
    };
}
