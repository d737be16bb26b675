using Npgsql;

namespace TicketGrains.Api.Infrastructure;

/// <summary>/healthz: 200 when this process runs and reaches PostgreSQL, 503 otherwise.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthz(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (NpgsqlDataSource database, CancellationToken cancellationToken) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var command = database.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Ok(new { status = "ok" });
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
            {
                return Results.Problem(statusCode: 503, title: "PostgreSQL is unreachable.");
            }
        }).AllowAnonymous().WithTags("Operations").WithName("Health").WithSummary("Liveness and database reachability.");
        return app;
    }
}
