namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Where the tests find PostgreSQL. test.sh exports the variable; a missing one is a failure, never a skip.</summary>
public static class TestSettings
{
    public const string ConnectionVariable = "TICKETGRAINS_TEST_PG";

    /// <summary>A connection string for a role with LOGIN CREATEDB; each test class creates its own database with it.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. The integration tests need PostgreSQL: run ./test.sh, or start PostgreSQL and export " +
                $"{ConnectionVariable}='Host=127.0.0.1;Port=5432;Username=ticketgrains;Password=...;Database=ticketgrains' (a role with LOGIN CREATEDB).");
}
