using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Schema;

/// <summary>
/// The schema can be distributed by tenant without change (docs/scaling.md): every table of tenant data has tenant_id
/// in its primary key and in every unique key, as a distributed table must have its distribution column. The tables
/// below hold no tenant's data and would stay on the coordinator or be replicated whole.
/// </summary>
public sealed class SchemaTenantKeyTests
{
    /// <summary>
    /// Cluster-level tables: Orleans' own, the migrations' record, and the pipeline's checkpoints per subscriber.
    /// orleansstorage holds grain state under Orleans' own key (a hash of the grain id, whose key carries the tenant);
    /// it would be distributed by that hash, which Orleans computes, not by a tenant column.
    /// </summary>
    private static readonly string[] ClusterTables =
    [
        "orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage",
        "tg_schema_tables", "tg_subscriptions",
    ];

    /// <summary>A partition's keys are its parent's (tg_events, 0760_event_partitions.sql): the parent is checked.</summary>
    private const string UniqueKeysWithoutTenant = """
        SELECT t.relname::text || ': ' || i.relname::text
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND x.indisunique AND NOT (t.relname = ANY($1)) AND NOT t.relispartition
          AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id' AND a.attnum = ANY(x.indkey))
        ORDER BY 1
        """;

    private const string TablesWithoutPrimaryKeyOrTenant = """
        SELECT t.tablename::text FROM pg_tables t
        WHERE t.schemaname = 'public' AND NOT (t.tablename = ANY($1))
          AND (NOT EXISTS (SELECT FROM pg_index x WHERE x.indrelid = to_regclass(quote_ident(t.tablename)) AND x.indisprimary)
               OR NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = to_regclass(quote_ident(t.tablename)) AND a.attname = 'tenant_id' AND a.attnotnull))
        ORDER BY 1
        """;

    [Fact]
    public async Task Every_table_of_tenant_data_has_the_tenant_in_its_primary_key_and_in_every_unique_key()
    {
        await using var database = await TestDatabase.CreateAsync();

        await AssertTenantKeyedAsync(database);
        // The exceptions are real tables, so the list cannot hide a renamed one.
        Assert.All(ClusterTables, t => Assert.Contains(t, SchemaHealth.DurableTables));
    }

    [Fact]
    public async Task Migrating_a_database_made_with_the_old_keys_widens_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("""
            ALTER TABLE tg_events DROP CONSTRAINT tg_events_pkey, ADD CONSTRAINT tg_events_pkey PRIMARY KEY (position);
            ALTER TABLE tg_api_keys DROP CONSTRAINT tg_api_keys_pkey, ADD CONSTRAINT tg_api_keys_pkey PRIMARY KEY (key_id);
            DROP INDEX tg_channels_by_id;
            CREATE UNIQUE INDEX tg_channels_id ON tg_channels (channel_id);
            ALTER TABLE tg_identity_keys DROP CONSTRAINT tg_identity_keys_pkey,
                ADD CONSTRAINT tg_identity_keys_pkey PRIMARY KEY (tenant_id, key_kind, key_hash, customer_id);
            """);
        Assert.Equal(["tg_api_keys: tg_api_keys_pkey", "tg_channels: tg_channels_id", "tg_events: tg_events_pkey"],
            await database.ColumnAsync<string>(UniqueKeysWithoutTenant, [ClusterTables]));

        await using var owner = NpgsqlDataSource.Create(database.OwnerConnectionString);
        await new SchemaMigrator(owner, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestSettings.ApplicationRole, false, CancellationToken.None);

        await AssertTenantKeyedAsync(database);
        Assert.Equal(["position", "tenant_id"], await KeyColumnsAsync(database, "tg_events_pkey"));
        Assert.Equal(["key_id", "tenant_id"], await KeyColumnsAsync(database, "tg_api_keys_pkey"));
        Assert.Equal(["channel_id", "tenant_id"], await KeyColumnsAsync(database, "tg_channels_by_id"));
        // Reordered, not widened: no key of the table may lead with (tenant_id, key_kind) (UnseenTenantPlanTests).
        Assert.Equal(["key_hash", "tenant_id", "key_kind", "customer_id"], await KeyColumnsAsync(database, "tg_identity_keys_pkey"));
    }

    private static async Task AssertTenantKeyedAsync(TestDatabase database)
    {
        Assert.Empty(await database.ColumnAsync<string>(TablesWithoutPrimaryKeyOrTenant, [ClusterTables]));
        Assert.Empty(await database.ColumnAsync<string>(UniqueKeysWithoutTenant, [ClusterTables]));
    }

    private static Task<List<string>> KeyColumnsAsync(TestDatabase database, string index) => database.ColumnAsync<string>(
        "SELECT a.attname::text FROM pg_index x CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord) "
        + "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum WHERE x.indexrelid = to_regclass($1) ORDER BY k.ord", index);
}
