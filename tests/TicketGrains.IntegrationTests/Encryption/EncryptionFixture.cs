using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>
/// One silo with the API on its own database, which the tests read raw. Snapshots are taken every 2 events so they are
/// covered too. The silo can be replaced (same database and cluster id) with other encryption settings, which then stay.
/// </summary>
public sealed class EncryptionFixture : IAsyncLifetime
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private readonly string _clusterId = NodeLauncher.NewClusterId();
    private TestDatabase? _database;
    private TicketGrainsNode? _silo;
    private HttpClient? _http;
    private string[] _settings = [];
    private int _generation;

    /// <summary>Every master key any silo of this fixture was given, current first: what a thief of the configuration would hold.</summary>
    public List<string> KnownMasterKeys { get; } = [TestEncryption.MasterKey];

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A client of the current silo for the tenant, as its admin unless another token is given.</summary>
    public ApiClient Client(string tenant, string? token = null) =>
        new(_http ?? throw new InvalidOperationException("The fixture is not initialized."), tenant, token);

    public Task RunAsync(ITestOutputHelper output, Func<Task> test) => _processes.DiagnoseAsync(output, test);

    /// <summary>Stops the silo and starts a new process on the same database; settings given apply to every later restart too.</summary>
    public async Task RestartAsync(string[]? settings = null)
    {
        _settings = settings ?? _settings;
        _http?.Dispose();
        if (_silo is not null)
        {
            await _silo.Process.StopAsync(StopGrace);
        }

        await StartAsync();
    }

    /// <summary>Starts a stand-alone API front end (an Orleans client with its own key cache) with extra settings.</summary>
    public async Task<HttpClient> StartFrontEndAsync(params string[] settings)
    {
        var frontEnd = _processes.Add(NodeLauncher.StartApi($"api-{++_generation}", Database, _clusterId, [.. _settings, .. settings]));
        await Readiness.WaitForApiAsync(frontEnd, Readiness.Deadline);
        return new HttpClient { BaseAddress = frontEnd.BaseAddress, Timeout = RequestTimeout };
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await StartAsync();
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

    private async Task StartAsync()
    {
        _silo = _processes.Add(NodeLauncher.StartSilo($"silo-{++_generation}", Database, _clusterId, hostApi: true,
            ["--EventLog:SnapshotEvery=2", .. _settings]));
        _http = new HttpClient { BaseAddress = _silo.BaseAddress, Timeout = RequestTimeout };
        await Readiness.WaitForApiAsync(_silo, Readiness.Deadline);
    }
}
