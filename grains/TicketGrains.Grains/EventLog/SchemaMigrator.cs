using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Applies deploy/sql/*.sql (embedded in this assembly) in name order. Every script is idempotent,
/// so running this at every silo start is harmless; an advisory lock keeps silos starting together
/// from racing each other's DDL.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x7469636b6574; // "ticket"

    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (name, sql) in Scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            logger.LogDebug("Applied {Script}", name);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Schema up to date ({Count} scripts)", Scripts.Count);
    }

    /// <summary>Migrates, retrying while PostgreSQL is still starting, until the deadline.</summary>
    public async Task MigrateWithRetryAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < until && e is not PostgresException)
            {
                logger.LogWarning("PostgreSQL not reachable yet ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static List<(string, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n, reader.ReadToEnd());
            })
            .ToList();
    }
}
