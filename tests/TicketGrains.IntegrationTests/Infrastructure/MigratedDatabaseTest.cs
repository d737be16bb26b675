namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// A test class with its own fresh PostgreSQL database, migrated by its owner role, dropped afterwards. Product code
/// under test connects with <see cref="TestDatabase.ConnectionString"/>, the application role.
/// </summary>
public abstract class MigratedDatabaseTest : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public virtual async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
