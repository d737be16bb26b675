using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A test class with its own fresh PostgreSQL database, the product's schema applied, dropped afterwards.</summary>
public abstract class MigratedDatabaseTest : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(_database.ConnectionString);
        await new SchemaMigrator(source, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
