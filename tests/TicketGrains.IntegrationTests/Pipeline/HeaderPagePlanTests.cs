using Npgsql;
using NpgsqlTypes;
using TicketGrains.Grains.Pipeline;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>
/// The header page runs through tg_event_headers_after, whose one plan per connection is the generic plan
/// (0761_event_header_reads.sql). That plan must read the page from the checkpoint on, not the log behind it, whatever
/// the statistics say: it is the read every subscriber's wake-up makes.
/// </summary>
public sealed class HeaderPagePlanTests : MigratedDatabaseTest
{
    private const int LogBehind = 20_000;

    [Fact]
    public async Task A_page_after_a_checkpoint_reads_that_page_and_not_the_log_behind_it()
    {
        await Database.ExecuteAsync("""
            INSERT INTO tg_events (tenant_id, stream_id, version, event_type, data)
            SELECT 'pipeline-tests', 'bulk-' || i, 1, 'TestEvent', '{}' FROM generate_series(1, $1) AS i
            """, LogBehind);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var after = await new PostgresCommittedEventSource(source).ReadHeadersAfterAsync(Checkpoint.Beginning, LogBehind, CancellationToken.None);
        Assert.Equal(LogBehind, after.Count);
        var later = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            later.AddRange(await EventRows.CommitAsync(source, ($"later-{i}", 1)));
        }

        await Database.ExecuteAsync("ANALYZE tg_events");

        // Six pages from the checkpoint on one connection, as a silo's reads go: the plan is made once and kept.
        var (pages, read) = await ReadPagesAsync(Checkpoint.After(after[^1]), 6);
        // The count can fail: a statement that walks the log reads it all.
        var walked = await CountReadsAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM tg_events WHERE event_type = 'TestEvent'", connection, transaction);
            await command.ExecuteScalarAsync();
        });

        Assert.All(pages, page => Assert.Equal(later, page));
        // Each page's five entries and a probe or two per partition, not the twenty thousand behind the checkpoint.
        Assert.InRange(read, 6 * later.Count, 6 * (later.Count + 10));
        Assert.InRange(walked, LogBehind, long.MaxValue);
    }

    private async Task<(List<List<long>> Pages, long Read)> ReadPagesAsync(Checkpoint from, int times)
    {
        var pages = new List<List<long>>();
        return (pages, await CountReadsAsync(async (connection, transaction) =>
        {
            for (var i = 0; i < times; i++)
            {
                await using var command = new NpgsqlCommand("SELECT h_position FROM tg_event_headers_after($1, $2, $3)", connection, transaction);
                command.Parameters.Add(new NpgsqlParameter<ulong> { NpgsqlDbType = NpgsqlDbType.Xid8, TypedValue = from.TransactionId });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from.Position });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 500 });
                var page = new List<long>();
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    page.Add(reader.GetInt64(0));
                }

                pages.Add(page);
            }
        }));
    }

    /// <summary>
    /// Rows and index entries of tg_events' partitions the statements returned, from the transaction's own statistics
    /// (pg_stat_get_xact_tuples_returned: a sequential scan's rows for a table, entries returned for an index).
    /// </summary>
    private async Task<long> CountReadsAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task> statements)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await statements(connection, transaction);
        await using var reads = new NpgsqlCommand("""
            SELECT sum(pg_stat_get_xact_tuples_returned(r))::bigint FROM (
                SELECT inhrelid AS r FROM pg_inherits WHERE inhparent = 'tg_events'::regclass
                UNION ALL SELECT i.indexrelid FROM pg_index i JOIN pg_inherits p ON p.inhrelid = i.indrelid
                WHERE p.inhparent = 'tg_events'::regclass) relations
            """, connection, transaction);
        return (long)(await reads.ExecuteScalarAsync())!;
    }
}
