using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// The migrate step: applies deploy/sql/*.sql (embedded in this assembly) in name order, connected as the owner role,
/// and grants the application role what it needs (9000_application_role.sql). Every script is idempotent; an advisory
/// lock keeps two migrations from racing each other's DDL. Silos and front ends never run this: they connect as the
/// application role, which may not create anything.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource ownerDataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x7469636b6574; // "ticket"

    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>The tables the scripts create, in name order.</summary>
    public static IReadOnlyList<string> CreatedTables() =>
        Scripts.SelectMany(s => CreateTable().Matches(s.Sql).Select(m => m.Groups[1].Value)).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Migrates and grants <paramref name="applicationRole"/> its privileges. A table the migrations made before and that
    /// is now missing stops the migration (its data was lost) unless <paramref name="recreateMissingTables"/> accepts that.
    /// </summary>
    public async Task MigrateAsync(string applicationRole, bool recreateMissingTables, CancellationToken cancellationToken)
    {
        await using var connection = await ownerDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, "SELECT set_config('ticketgrains.application_role', $1, true)", cancellationToken, applicationRole);
        foreach (var (name, sql) in Scripts)
        {
            if (name.EndsWith(FirstScript, StringComparison.Ordinal))
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await RefuseLostTablesAsync(connection, transaction, recreateMissingTables, cancellationToken);
                continue;
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            logger.LogDebug("Applied {Script}", name);
        }

        await ExecuteAsync(connection, transaction,
            "INSERT INTO tg_schema_tables (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING", cancellationToken, (object)CreatedTables().ToArray());
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Schema up to date ({Count} scripts); application role {Role} granted its privileges", Scripts.Count, applicationRole);
    }

    /// <summary>Migrates, retrying while PostgreSQL is still starting, until the deadline.</summary>
    public async Task MigrateWithRetryAsync(string applicationRole, bool recreateMissingTables, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                await MigrateAsync(applicationRole, recreateMissingTables, cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow < until && e is not PostgresException)
            {
                logger.LogWarning("PostgreSQL not reachable yet ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private const string FirstScript = "0000_schema_tables.sql";

    private async Task RefuseLostTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, bool recreate, CancellationToken cancellationToken)
    {
        var lost = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT name FROM tg_schema_tables WHERE to_regclass(name) IS NULL ORDER BY name", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lost.Add(reader.GetString(0));
            }
        }

        if (lost.Count == 0)
        {
            return;
        }

        var tables = string.Join(", ", lost);
        if (!recreate)
        {
            throw new InvalidOperationException(
                $"Table {tables} was created by an earlier migration and is gone, with its data. Restore it from a backup and migrate again; "
                + "or, to accept the loss and create it empty, migrate with Migration:RecreateMissingTables=true.");
        }

        logger.LogWarning("Re-creating {Tables} empty: Migration:RecreateMissingTables accepts that their data is lost", tables);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"CREATE TABLE IF NOT EXISTS\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

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
