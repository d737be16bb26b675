namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A test that runs real silo and front-end processes on a fresh database of its own; both are gone after it.</summary>
public abstract class ClusterProcessTest : IAsyncLifetime
{
    private TestDatabase? _database;

    protected ProcessGroup Processes { get; } = new();

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await PrepareAsync(_database);
    }

    public async Task DisposeAsync()
    {
        Processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>What a kind of test adds to the fresh database before its processes start.</summary>
    protected virtual Task PrepareAsync(TestDatabase database) => Task.CompletedTask;
}
