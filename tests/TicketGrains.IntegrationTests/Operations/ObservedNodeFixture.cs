using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Operations;

/// <summary>One silo serving the API, with JSON console logs, on a database of its own: what an SRE's scraper and log collector see.</summary>
public sealed class ObservedNodeFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TicketGrainsNode? _node;

    public TicketGrainsNode Node => _node ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _node = NodeLauncher.StartSilo("observed", _database, NodeLauncher.NewClusterId(), hostApi: true, "--Logging:Json=true");
        await Readiness.WaitForApiAsync(_node, Readiness.Deadline);
    }

    public async Task DisposeAsync()
    {
        _node?.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
