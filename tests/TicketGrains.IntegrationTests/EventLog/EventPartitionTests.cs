using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.EventLog;

/// <summary>
/// tg_events partitioned by position (docs/decisions/0026-event-log-partitioned-by-position.md): the migration makes a
/// plain log the first partition without copying it, the stream-version key still refuses a second append of a
/// version, maintenance keeps partitions ahead one silo at a time, and an append past every partition still commits.
/// </summary>
public sealed class EventPartitionTests : MigratedDatabaseTest
{
    private const long Size = 1000;

    private const string PartitionOf = "SELECT tableoid::regclass::text FROM tg_events WHERE tenant_id = $1 AND stream_id = $2";

    private const string Partitions = """
        SELECT c.relname::text || ' ' || pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'tg_events'::regclass ORDER BY c.relname COLLATE "C"
        """;

    [Fact]
    public async Task A_new_database_has_a_partitioned_log_whose_first_partition_takes_the_appends()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var append = Appends.Ticket("first");

        await writer.Writer.AppendAsync(append);

        Assert.Equal(["p"], await Database.ColumnAsync<string>("SELECT relkind::text FROM pg_class WHERE oid = 'tg_events'::regclass"));
        Assert.Equal(["tg_events_default DEFAULT", "tg_events_p0 FOR VALUES FROM (MINVALUE) TO ('10000000')"], await Database.ColumnAsync<string>(Partitions));
        Assert.Equal(["tg_events_p0"], await Database.ColumnAsync<string>(PartitionOf, append.TenantId, append.StreamId));
    }

    [Fact]
    public async Task A_version_already_stored_is_refused_whichever_partition_holds_it()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var original = Appends.Ticket("original");
        await writer.Writer.AppendAsync(original);
        await MoveHeadPastEveryPartitionAsync();

        await Assert.ThrowsAsync<ConflictException>(() => writer.Writer.AppendAsync(original with { Json = """{"note": "again"}""" }));

        Assert.Equal(["""{"note": "original"}"""], await writer.StoredAsync(original));
    }

    [Fact]
    public async Task Maintenance_creates_the_partitions_ahead_once_and_then_has_nothing_to_do()
    {
        var maintenance = Maintenance(ahead: 2);

        Assert.Equal(new EventPartitionMaintenance.Outcome(2, false), await maintenance.ExtendAsync(CancellationToken.None));
        Assert.Equal(new EventPartitionMaintenance.Outcome(0, false), await maintenance.ExtendAsync(CancellationToken.None));

        Assert.Equal([
            "tg_events_default DEFAULT",
            "tg_events_p0 FOR VALUES FROM (MINVALUE) TO ('10000000')",
            "tg_events_p10000000 FOR VALUES FROM ('10000000') TO ('10001000')",
            "tg_events_p10001000 FOR VALUES FROM ('10001000') TO ('10002000')",
        ], await Database.ColumnAsync<string>(Partitions));
    }

    [Fact]
    public async Task A_silo_skips_maintenance_while_another_holds_the_lock()
    {
        await using var other = new NpgsqlConnection(Database.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7598263004516823040)", other, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        Assert.Equal(new EventPartitionMaintenance.Outcome(0, true), await Maintenance(ahead: 2).ExtendAsync(CancellationToken.None));

        Assert.Equal(2, (await Database.ColumnAsync<string>(Partitions)).Count);
    }

    [Fact]
    public async Task An_append_past_every_partition_commits_into_the_default_one_and_maintenance_starts_above_it()
    {
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var head = await MoveHeadPastEveryPartitionAsync();
        var overflow = Appends.Ticket("overflow");

        await writer.Writer.AppendAsync(overflow);
        var outcome = await Maintenance(ahead: 1).ExtendAsync(CancellationToken.None);
        var next = Appends.Ticket("next");
        await writer.Writer.AppendAsync(next);

        Assert.Equal(["tg_events_default"], await Database.ColumnAsync<string>(PartitionOf, overflow.TenantId, overflow.StreamId));
        Assert.Equal(new EventPartitionMaintenance.Outcome(1, false), outcome);
        Assert.Equal([$"tg_events_p{head + 1}"], await Database.ColumnAsync<string>(PartitionOf, next.TenantId, next.StreamId));
    }

    [Fact]
    public async Task Migrating_a_plain_log_attaches_it_as_the_first_partition_and_keeps_its_stream_keys()
    {
        await MakeThePlainLogOfAnOlderReleaseAsync();
        await Database.ExecuteAsync("""
            INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data)
            SELECT 'old', 'ticket/' || g, 1, 'TicketCreated', '{}' FROM generate_series(1, 50) g
            """);
        var oldTable = await Database.ColumnAsync<long>("SELECT 'tg_events'::regclass::oid::bigint");

        await Database.MigrateAsync();

        Assert.Equal(oldTable, await Database.ColumnAsync<long>("SELECT 'tg_events_p0'::regclass::oid::bigint"));
        Assert.Equal([50L], await Database.ColumnAsync<long>("SELECT count(*) FROM tg_events_p0"));
        Assert.Equal([50L], await Database.ColumnAsync<long>("SELECT count(*) FROM tg_event_versions WHERE tenant_id = 'old'"));
        await using var writer = await WriterUnderTest.StartAsync(Database);
        var again = Appends.Ticket("again") with { TenantId = "old", StreamId = "ticket/7" };
        await Assert.ThrowsAsync<ConflictException>(() => writer.Writer.AppendAsync(again));
        var fresh = Appends.Ticket("fresh");
        await writer.Writer.AppendAsync(fresh);
        Assert.Equal([51L], await Database.ColumnAsync<long>(
            "SELECT position FROM tg_events WHERE tenant_id = $1 AND stream_id = $2", fresh.TenantId, fresh.StreamId));
    }

    /// <summary>Restarts the log's identity just past its last range partition; returns the last position before it.</summary>
    private async Task<long> MoveHeadPastEveryPartitionAsync()
    {
        var top = (await Database.ColumnAsync<long>("""
            SELECT max(substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''(\d+)''\)')::bigint)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'tg_events'::regclass
            """)).Single();
        await Database.ExecuteAsync($"ALTER TABLE tg_events ALTER COLUMN position RESTART WITH {top + 5}");
        return top + 5;
    }

    /// <summary>The event log as the releases before partitioning made it: 0100, 0500 and 0510 on a plain table.</summary>
    private async Task MakeThePlainLogOfAnOlderReleaseAsync()
    {
        await Database.ExecuteAsync("DROP TABLE tg_events, tg_event_versions; DELETE FROM tg_schema_tables WHERE name = 'tg_event_versions'");
        string[] older = ["0100_event_log.sql", "0500_pipeline.sql", "0510_live_feed.sql"];
        foreach (var script in SchemaMigrator.Scripts.Where(s => older.Any(o => s.Name.EndsWith(o, StringComparison.Ordinal))))
        {
            await Database.ExecuteAsync(script.Sql);
        }
    }

    private EventPartitionMaintenance Maintenance(int ahead) => new(
        NpgsqlDataSource.Create(Database.ConnectionString),
        Options.Create(new EventLogOptions { PartitionsAhead = ahead, PartitionSize = Size }),
        TimeProvider.System, NullLogger<EventPartitionMaintenance>.Instance);
}
