using Npgsql;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Where the tests find PostgreSQL. test.sh exports the variables; a missing one is a failure, never a skip.</summary>
public static class TestSettings
{
    public const string ConnectionVariable = "TICKETGRAINS_TEST_PG";

    public const string ApplicationVariable = "TICKETGRAINS_TEST_PG_APP";

    /// <summary>The application role deploy/local/postgres.sh creates (its password is the same word), when the variable is unset.</summary>
    public const string LocalApplicationRole = "ticketgrains_app";

    /// <summary>
    /// A connection string for a role with LOGIN CREATEDB that is a member of the application role (so that DROP DATABASE
    /// ... WITH (FORCE) may end its sessions); each test class creates its own database with it, owns and migrates it.
    /// </summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. The integration tests need PostgreSQL: run ./test.sh, or start PostgreSQL and export " +
                $"{ConnectionVariable}='Host=127.0.0.1;Port=5432;Username=ticketgrains;Password=...;Database=ticketgrains' (a role with LOGIN CREATEDB).");

    /// <summary>
    /// The application role silos and front ends connect as (LOGIN, nothing else): TICKETGRAINS_TEST_PG_APP, or else the
    /// admin connection with the role deploy/local/postgres.sh creates.
    /// </summary>
    public static string ApplicationConnectionString =>
        Environment.GetEnvironmentVariable(ApplicationVariable) is { Length: > 0 } value
            ? value
            : new NpgsqlConnectionStringBuilder(AdminConnectionString) { Username = LocalApplicationRole, Password = LocalApplicationRole }.ConnectionString;

    /// <summary>The user name in <see cref="ApplicationConnectionString"/>: the role the migration grants.</summary>
    public static string ApplicationRole => new NpgsqlConnectionStringBuilder(ApplicationConnectionString).Username
        ?? throw new InvalidOperationException($"{ApplicationVariable} names no user.");
}
