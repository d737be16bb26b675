using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.ReadModel;

/// <summary>
/// One silo with the API on its own database for the rebuild tests. Urgent tickets are due in 3 s so a breach happens
/// within a test, and a snapshot is stored every 3 events so tickets are also restored from snapshots between changes.
/// </summary>
public sealed class RebuildFixture : IAsyncLifetime
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;
    private HttpClient? _http;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    public ApiClient Client(string tenant) => new(_http ?? throw new InvalidOperationException("The fixture is not initialized."), tenant);

    public Task RunAsync(ITestOutputHelper output, Func<Task> test) => _processes.DiagnoseAsync(output, test);

    /// <summary>Runs `TicketGrains.Silo.dll rebuild-read-model` on the fixture's database as its own process; returns its exit code.</summary>
    public async Task<int> RunRebuildCommandAsync(TimeSpan deadline)
    {
        var command = _processes.Add(new TicketGrainsNode(
            ProcessHost.StartDotnet("rebuild-read-model", RepoLayout.SiloDll, ["rebuild-read-model", $"--ConnectionStrings:TicketGrainsOwner={Database.OwnerConnectionString}"]),
            new Uri("http://127.0.0.1"), 0));
        return await command.Process.WaitForExitAsync(deadline);
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", Database, NodeLauncher.NewClusterId(), hostApi: true,
            "--Sla:Urgent=00:00:03", "--Sla:SweepPeriod=00:00:02", "--EventLog:SnapshotEvery=3"));
        _http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await _processes.StopAllAsync(StopGrace);
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
