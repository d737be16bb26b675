using System.Text.Json;
using Npgsql;
using TicketGrains.Grains.Customers.Linking;
using TicketGrains.Grains.Surges;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Schema;

/// <summary>
/// Statements a flood sends about a tenant or a surge that PostgreSQL's statistics have not seen yet: the planner
/// estimates such a tenant's rows at one, so any index that lets it stop at the tenant is taken and the rest filtered.
/// Each statement here must read the rows it answers about, not walk the tenant's or the surge's others
/// (docs/benchmarks.md, 2026-12-05: 8 and 13 ms a call once a flood's tenant held ten thousand rows).
/// </summary>
public sealed class UnseenTenantPlanTests : MigratedDatabaseTest
{
    private const int FloodRows = 5000;

    [Fact]
    public async Task Whether_a_customer_gave_an_order_number_reads_only_that_customers_keys()
    {
        await Database.ExecuteAsync("ALTER TABLE tg_identity_keys SET (autovacuum_enabled = false)");
        await Database.ExecuteAsync(
            "INSERT INTO tg_identity_keys SELECT 'known-' || (i % 10), 'order', md5(i::text), gen_random_uuid(), now() FROM generate_series(1, 2000) i");
        await Database.ExecuteAsync("ANALYZE tg_identity_keys");
        await Database.ExecuteAsync(
            "INSERT INTO tg_identity_keys SELECT 'flood', 'order', md5('flood' || i), gen_random_uuid(), now() FROM generate_series(1, $1) i", FloodRows);
        var customer = (await Database.ColumnAsync<Guid>("SELECT customer_id FROM tg_identity_keys WHERE tenant_id = 'flood' LIMIT 1")).Single();

        // The function's statement runs with its generic plan, which EXPLAIN of the call does not show: what it read is
        // counted instead, in the index entries and rows the transaction returned from the table.
        var given = await KeyReadsAsync(PostgresIdentityKeyStore.AnyOfKindSql, "flood", new[] { Guid.NewGuid(), customer }, KeyKinds.Order);
        var notGiven = await KeyReadsAsync(PostgresIdentityKeyStore.AnyOfKindSql, "flood", new[] { Guid.NewGuid() }, KeyKinds.Order);
        var holders = await KeyReadsAsync(PostgresIdentityKeyStore.HoldersRecordingLoneSql,
            "flood", new[] { KeyKinds.Order }, new[] { Md5Hex("flood1") }, 20, Guid.NewGuid(), DateTimeOffset.UtcNow);
        // The count can fail: a statement that walks the tenant's keys reads them all.
        var walk = await KeyReadsAsync("SELECT count(*) FROM tg_identity_keys WHERE tenant_id = $1 AND key_kind = $2", "flood", KeyKinds.Order);

        // A key or two each (the statistics' count of entries returned includes a scan's probes), not the tenant's thousands.
        Assert.All(new[] { given, notGiven, holders }, reads => Assert.InRange(reads, 0, 2));
        Assert.InRange(walk, FloodRows, long.MaxValue);
        await using var source = NpgsqlDataSource.Create(Database.ConnectionString);
        var store = new PostgresIdentityKeyStore(source);
        Assert.True(await store.AnyOfKindAsync("flood", [Guid.NewGuid(), customer], KeyKinds.Order));
        Assert.False(await store.AnyOfKindAsync("flood", [customer], KeyKinds.Phone));
    }

    [Fact]
    public async Task Marking_incidents_handled_reads_only_the_surges_pending_incidents()
    {
        await Database.ExecuteAsync("ALTER TABLE tg_surge_incidents SET (autovacuum_enabled = false)");
        await Database.ExecuteAsync("""
            INSERT INTO tg_surge_incidents (tenant_id, surge_id, ticket_id, customer_id, has_order, created_at, handled)
            SELECT 'known-' || (i % 10), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), true, now(), true FROM generate_series(1, 2000) i
            """);
        await Database.ExecuteAsync("ANALYZE tg_surge_incidents");
        var surge = Guid.NewGuid();
        // A flood's surge: most incidents handled already, twenty waiting for the reactions.
        await Database.ExecuteAsync("""
            INSERT INTO tg_surge_incidents (tenant_id, surge_id, ticket_id, customer_id, has_order, created_at, handled)
            SELECT 'flood', $1, gen_random_uuid(), gen_random_uuid(), true, now(), i > 20 FROM generate_series(1, $2) i
            """, surge, FloodRows);
        var pending = await Database.ColumnAsync<Guid>(
            "SELECT ticket_id FROM tg_surge_incidents WHERE tenant_id = 'flood' AND NOT handled ORDER BY ticket_id");

        var marked = await ExplainAsync(SurgeStore.MarkHandledSql, "flood", surge, pending.Take(10).ToArray());

        // At most the other ten pending incidents are read and passed over; none of the handled thousands.
        Assert.InRange(marked.RowsRemoved, 0, 10);
        Assert.Equal(pending.Skip(10).ToList(), await Database.ColumnAsync<Guid>(
            "SELECT ticket_id FROM tg_surge_incidents WHERE tenant_id = 'flood' AND NOT handled ORDER BY ticket_id"));
    }

    /// <summary>
    /// Index entries and rows of tg_identity_keys that the statement read, from the transaction's own statistics
    /// (pg_stat_get_xact_tuples_returned: a sequential scan's rows for the table, entries returned for an index).
    /// </summary>
    private async Task<long> KeyReadsAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            foreach (var parameter in parameters)
            {
                command.Parameters.AddWithValue(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }

        await using var reads = new NpgsqlCommand("""
            SELECT sum(pg_stat_get_xact_tuples_returned(r))::bigint FROM (
                SELECT 'tg_identity_keys'::regclass::oid AS r
                UNION ALL SELECT indexrelid FROM pg_index WHERE indrelid = 'tg_identity_keys'::regclass) relations
            """, connection, transaction);
        return (long)(await reads.ExecuteScalarAsync())!;
    }

    private static string Md5Hex(string text) => Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private sealed record Plan(long RowsRemoved);

    /// <summary>Runs the statement under EXPLAIN ANALYZE (so an update is carried out) and sums the rows its plan read and dropped.</summary>
    private async Task<Plan> ExplainAsync(string sql, params object[] parameters)
    {
        var json = (await Database.ColumnAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, parameters)).Single();
        using var document = JsonDocument.Parse(json);
        return new Plan(RowsRemoved(document.RootElement[0].GetProperty("Plan")));
    }

    private static long RowsRemoved(JsonElement node)
    {
        long removed = 0;
        foreach (var name in new[] { "Rows Removed by Filter", "Rows Removed by Join Filter", "Rows Removed by Index Recheck" })
        {
            if (node.TryGetProperty(name, out var value))
            {
                // Per loop in the plan's figures.
                removed += value.GetInt64() * (node.TryGetProperty("Actual Loops", out var loops) ? loops.GetInt64() : 1);
            }
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            removed += children.EnumerateArray().Sum(RowsRemoved);
        }

        return removed;
    }
}
