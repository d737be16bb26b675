using Microsoft.Extensions.Logging;
using Npgsql;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// Whether every table the migrations create is there. Tables missing before this process has ever seen the schema
/// whole mean the migrate step has not run yet: not ready, nothing lost. A table that goes missing afterwards was
/// dropped under a running process; its rows may be gone, and appending on would continue a stream at version N+1
/// on a partial log. That is fatal: logged as critical, reported by readiness, and every append is refused
/// (<see cref="SchemaMissingException"/>, 503) until the table is restored and the process restarted. Nothing in a
/// running process creates a table; only the migrate step, as the owner role, does.
/// </summary>
public sealed class SchemaHealth(NpgsqlDataSource dataSource, ILogger<SchemaHealth> logger)
{
    private const string MissingTablesSql = "SELECT t FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NULL ORDER BY t";

    private readonly Lock _gate = new();
    private bool _seenWhole;
    private string? _lost;

    /// <summary>Every table the schema scripts create, in name order.</summary>
    public static IReadOnlyList<string> DurableTables { get; } = SchemaMigrator.CreatedTables();

    /// <summary>Looks the tables up (one catalogue query) and returns the condition; a table gone since it was seen is latched as lost.</summary>
    public async Task<SchemaStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var missing = await MissingTablesAsync(cancellationToken);
        lock (_gate)
        {
            if (missing.Count == 0)
            {
                _seenWhole = true;
            }
            else if (_seenWhole)
            {
                Latch($"table {string.Join(", ", missing)} disappeared while this process was running");
            }

            return _lost is not null ? new SchemaStatus(SchemaCondition.TableLost, _lost)
                : missing.Count > 0 ? new SchemaStatus(SchemaCondition.NotMigrated,
                    $"the schema is not migrated (missing {string.Join(", ", missing)}): run the migrate step as the owner role")
                : SchemaStatus.Whole;
        }
    }

    /// <summary>A statement found a table missing (PostgreSQL's 42P01): latched as lost, whatever was seen before.</summary>
    public void ReportMissingTable(string databaseMessage)
    {
        lock (_gate)
        {
            Latch($"a statement failed with \"{databaseMessage}\"");
        }
    }

    /// <summary>Throws <see cref="SchemaMissingException"/> once a table has been lost; writers call it before every write.</summary>
    public void ThrowIfLost()
    {
        lock (_gate)
        {
            if (_lost is not null)
            {
                throw new SchemaMissingException(_lost);
            }
        }
    }

    private void Latch(string cause)
    {
        if (_lost is not null)
        {
            return;
        }

        _lost = $"A durable table is missing ({cause}); its data may be lost, so writes are refused. "
            + "Restore the table from a backup, then restart this process (the migrate step refuses to create it again empty).";
        logger.LogCritical("FATAL: {Reason}", _lost);
    }

    private async Task<List<string>> MissingTablesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MissingTablesSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. DurableTables] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var missing = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }
}
