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

        var given = await ExplainAsync(PostgresIdentityKeyStore.AnyOfKindSql, "flood", new[] { Guid.NewGuid(), customer }, KeyKinds.Order);
        var notGiven = await ExplainAsync(PostgresIdentityKeyStore.AnyOfKindSql, "flood", new[] { Guid.NewGuid() }, KeyKinds.Order);

        Assert.Equal(0, given.RowsRemoved);
        Assert.Equal(0, notGiven.RowsRemoved);
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
