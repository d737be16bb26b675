using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>A fresh database with the test probe's table, and the processes a test starts against it (stopped after).</summary>
public abstract class ProbeClusterTest : IAsyncLifetime
{
    private TestDatabase? _database;

    protected ProcessGroup Processes { get; } = new();

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await ProbeTable.CreateAsync(_database);
    }

    public async Task DisposeAsync()
    {
        Processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
