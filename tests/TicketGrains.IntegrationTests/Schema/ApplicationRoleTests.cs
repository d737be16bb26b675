using Npgsql;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Schema;

/// <summary>
/// Connected as the application role (what silos and front ends use), nothing can change or get around the audit log,
/// and nothing can be created; what the product's statements need still works.
/// </summary>
public sealed class ApplicationRoleTests(MigratedDatabaseFixture fixture) : IClassFixture<MigratedDatabaseFixture>, IAsyncLifetime
{
    private const string Tenant = "it-roles";

    public static TheoryData<string> Refused =>
    [
        "ALTER TABLE tg_audit_log DISABLE TRIGGER tg_audit_log_append_only",
        "ALTER TABLE tg_audit_log DISABLE TRIGGER ALL",
        "ALTER TABLE tg_audit_log ADD COLUMN note text",
        "ALTER TABLE tg_audit_log OWNER TO CURRENT_USER",
        "DROP TRIGGER tg_audit_log_append_only ON tg_audit_log",
        "DROP TRIGGER tg_audit_log_no_truncate ON tg_audit_log",
        "DROP TABLE tg_audit_log",
        "DELETE FROM tg_audit_log",
        "UPDATE tg_audit_log SET actor = 'mallory'",
        "TRUNCATE tg_audit_log",
        "SET session_replication_role = replica",
        "CREATE OR REPLACE FUNCTION tg_audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
        "DROP FUNCTION tg_audit_log_refuse_change() CASCADE",
        "DELETE FROM tg_events",
        "UPDATE tg_events SET data = '{}'",
        "DROP TABLE tg_events",
        "DELETE FROM tg_audit_heads",
        "CREATE TABLE tg_intruder (id int)",
        "CREATE SCHEMA intruder",
        "GRANT owner_role TO CURRENT_USER",
    ];

    private TestDatabase Database => fixture.Database;

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Application_role_is_refused(string statement)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement.Replace("owner_role", OwnerRole, StringComparison.Ordinal), connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal([1L], await Database.ColumnAsync<long>("SELECT count(*) FROM tg_audit_log WHERE tenant_id = $1 AND actor = 'it'", Tenant));
        Assert.Equal([true], await Database.ColumnAsync<bool>(
            "SELECT bool_and(tgenabled = 'O') AND count(*) = 2 FROM pg_trigger WHERE tgrelid = 'tg_audit_log'::regclass AND NOT tgisinternal"));
    }

    [Fact]
    public async Task Application_role_owns_nothing_and_may_only_read_and_append_the_audit_log()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT count(*) FROM tg_audit_log WHERE tenant_id = $1", connection) { Parameters = { new() { Value = Tenant } } };

        Assert.Equal(TestSettings.ApplicationRole, connection.UserName);
        Assert.Equal(1L, await read.ExecuteScalarAsync());
        Assert.Empty(await Database.ColumnAsync<string>(
            "SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = $1",
            TestSettings.ApplicationRole));
        Assert.Equal(new[] { true, true, false, false, false, false }, Assert.Single(await Database.ColumnAsync<bool[]>(
            "SELECT ARRAY[has_table_privilege($1, 'tg_audit_log', 'SELECT'), has_table_privilege($1, 'tg_audit_log', 'INSERT'), "
            + "has_table_privilege($1, 'tg_audit_log', 'UPDATE'), has_table_privilege($1, 'tg_audit_log', 'DELETE'), "
            + "has_table_privilege($1, 'tg_audit_log', 'TRUNCATE'), has_table_privilege($1, 'tg_audit_log', 'TRIGGER')]", TestSettings.ApplicationRole)));
    }

    /// <summary>One entry, appended as the application role: the log it may not change holds something to protect.</summary>
    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO tg_audit_log VALUES ($1, 1, now(), 'it', 'probe', 'none', '127.0.0.1', '', '\\x00', '\\x00') ON CONFLICT DO NOTHING", connection)
        {
            Parameters = { new() { Value = Tenant } },
        };
        await insert.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string OwnerRole => new NpgsqlConnectionStringBuilder(TestSettings.AdminConnectionString).Username!;
}
