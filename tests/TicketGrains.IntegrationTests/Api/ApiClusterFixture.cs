using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>One silo process with the API co-hosted, on a fresh database and cluster id, shared by the API test classes.</summary>
public class ApiClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;
    private HttpClient? _http;

    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The silo's database, for tests that look at (or tamper with) what it stored.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The silo's operating-system process id, for tests that look at the process itself.</summary>
    public int SiloProcessId { get; private set; }

    /// <summary>A client for the tenant ("default" when null), as its admin unless another token is given.</summary>
    public ApiClient Client(string? tenant = null, string? token = null) => new(Http, tenant, token);

    /// <summary>A client for a tenant no other test uses.</summary>
    public ApiClient FreshTenant() => Client(TicketRequests.NewTenant());

    /// <summary>Runs a test; if it fails, the silo's last output lines are written to the test's output.</summary>
    public Task RunAsync(ITestOutputHelper output, Func<Task> test) => _processes.DiagnoseAsync(output, test);

    /// <summary>
    /// Settings of the silo ("--Key=value"), for a fixture that needs other than the defaults. A one-second audience
    /// lease makes the live feed publish only for tenants with a listener from the second second on, as it does in
    /// production after the first thirty, so the feed tests run against that path and not the "everyone" start. The
    /// dashboard is on as shipped: the API tests sign in to it and walk its route (test silos start without it).
    /// </summary>
    protected virtual string[] Settings => [ShortAudienceLease, "--Orleans:Dashboard=true"];

    protected const string ShortAudienceLease = "--LiveFeedAudience:Lease=00:00:01";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var silo = _processes.Add(NodeLauncher.StartSilo("silo+api", _database, NodeLauncher.NewClusterId(), hostApi: true, Settings));
        SiloProcessId = silo.Process.Id;
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
