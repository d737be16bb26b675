using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// What a silo checks before it joins the cluster, now that it no longer migrates: that the migrate step has run (it
/// may still be running, e.g. as a Kubernetes Job started at the same time), and that the process does not connect
/// as the role that owns the audit log, which the log's append-only triggers cannot hold.
/// </summary>
public static class SchemaStartup
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const string OwnsAuditLogSql = "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass('tg_audit_log')";

    /// <summary>Polls until every table is there; throws with what is missing when the deadline passes.</summary>
    public static async Task WaitUntilMigratedAsync(this SchemaHealth health, NpgsqlDataSource dataSource, ILogger logger, TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        var status = "PostgreSQL was not reached";
        while (DateTime.UtcNow < until)
        {
            try
            {
                var found = await health.CheckAsync(cancellationToken);
                if (found.IsWhole)
                {
                    await WarnWhenOwnerAsync(dataSource, logger, cancellationToken);
                    return;
                }

                status = found.Detail;
            }
            catch (NpgsqlException e) when (e is not PostgresException)
            {
                status = $"PostgreSQL is not reachable ({e.Message})";
            }

            logger.LogWarning("Waiting for the schema: {Status}", status);
            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new InvalidOperationException(
            $"No usable schema after {deadline.TotalSeconds:0} s: {status}. Silos do not migrate; run `dotnet TicketGrains.Silo.dll migrate` "
            + "with ConnectionStrings__TicketGrainsOwner (the owner role) first.");
    }

    private static async Task WarnWhenOwnerAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OwnsAuditLogSql);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            logger.LogError("ConnectionStrings:TicketGrains connects as the owner of tg_audit_log (or a superuser): this role can drop the "
                + "audit log's append-only triggers. Connect as the application role the migrate step grants (docs/security.md).");
        }
    }
}
