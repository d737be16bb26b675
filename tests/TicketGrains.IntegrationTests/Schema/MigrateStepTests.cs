using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Schema;

/// <summary>The migrate step: run as the owner role, it makes the schema the application role may use but not own.</summary>
public sealed class MigrateStepTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Migrate_command_creates_every_table_as_the_owner_and_grants_the_application_role()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        using var migrate = ProcessHost.StartDotnet("migrate", RepoLayout.SiloDll,
            ["migrate", $"--ConnectionStrings:TicketGrainsOwner={database.OwnerConnectionString}", $"--ConnectionStrings:TicketGrains={database.ConnectionString}"]);

        var exitCode = await migrate.WaitForExitAsync(CommandDeadline);

        output.WriteLine(migrate.Tail(20));
        Assert.Equal(0, exitCode);
        var owner = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString).Username!;
        Assert.Equal(SchemaHealth.DurableTables, await database.ColumnAsync<string>(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1 "
            + $"AND {NotAPartition} ORDER BY tablename COLLATE \"C\"", owner));
        Assert.Equal(SchemaHealth.DurableTables.Where(t => t != "tg_schema_tables"), await database.ColumnAsync<string>(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND has_table_privilege($1, quote_ident(schemaname) || '.' || quote_ident(tablename), 'SELECT') "
            + "ORDER BY tablename COLLATE \"C\"", TestSettings.ApplicationRole));
    }

    [Fact]
    public async Task Migration_refuses_an_application_role_that_is_the_owner()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var owner = NpgsqlDataSource.Create(database.OwnerConnectionString);
        var role = new NpgsqlConnectionStringBuilder(database.OwnerConnectionString).Username!;

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Migrator(owner).MigrateAsync(role, false, CancellationToken.None));

        Assert.Contains("is, or is a member of, the migrating owner role", refused.MessageText, StringComparison.Ordinal);
        Assert.Equal([0L], await database.ColumnAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Migration_does_not_recreate_a_lost_table_empty_unless_told_to()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var owner = NpgsqlDataSource.Create(database.OwnerConnectionString);
        await database.ExecuteAsync("DROP TABLE tg_events");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Migrator(owner).MigrateAsync(TestSettings.ApplicationRole, false, CancellationToken.None));

        Assert.StartsWith("Table tg_events was created by an earlier migration and is gone", refused.Message, StringComparison.Ordinal);
        Assert.Equal([false], await database.ColumnAsync<bool>("SELECT to_regclass('tg_events') IS NOT NULL"));

        await Migrator(owner).MigrateAsync(TestSettings.ApplicationRole, true, CancellationToken.None);

        Assert.Equal([0L], await database.ColumnAsync<long>("SELECT count(*) FROM tg_events"));
    }

    /// <summary>The event log's partitions (0760_event_partitions.sql) are made by maintenance, not listed as tables.</summary>
    private const string NotAPartition = "NOT (SELECT relispartition FROM pg_class WHERE oid = (quote_ident(schemaname) || '.' || quote_ident(tablename))::regclass)";

    private static SchemaMigrator Migrator(NpgsqlDataSource owner) => new(owner, NullLogger<SchemaMigrator>.Instance);
}
