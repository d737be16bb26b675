using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Security;

/// <summary>
/// A test identity provider publishing one RSA and one EC key, and a silo with the API co-hosted that trusts it beside
/// its HS256 key and development issuer.
/// </summary>
public sealed class IdentityProviderFixture : IAsyncLifetime
{
    /// <summary>Long enough that within one test run only the first unknown key id makes the API fetch the keys again.</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;
    private TestIdentityProvider? _provider;
    private HttpClient? _http;

    public TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException("The fixture is not initialized.");

    public HttpClient Http => _http ?? throw new InvalidOperationException("The fixture is not initialized.");

    public TestSigningKey RsaKey { get; } = TestSigningKey.Rsa();

    public TestSigningKey EcKey { get; } = TestSigningKey.EcP256();

    public ApiClient Client(string tenant, string token) => new(Http, tenant, token);

    public Task RunAsync(ITestOutputHelper output, Func<Task> test) => _processes.DiagnoseAsync(output, test);

    public async Task InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _provider.Publish(RsaKey);
        _provider.Publish(EcKey);
        _database = await TestDatabase.CreateAsync();
        var silo = _processes.Add(NodeLauncher.StartSilo("silo+api+idp", _database, NodeLauncher.NewClusterId(), hostApi: true,
            [.. _provider.NodeSettings(MinRefreshInterval), "--Auth:DevIssuer=true"]));
        _http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await _processes.StopAllAsync(StopGrace);
        _processes.Dispose();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
