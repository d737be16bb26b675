using System.Globalization;
using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Security;

/// <summary>A silo configured with a tiny per-caller limit refuses the request over it with 429 and Retry-After.</summary>
public sealed class RateLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int PerCaller = 3;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    [Fact]
    public Task The_request_over_the_callers_limit_is_429_with_retry_after() => _processes.DiagnoseAsync(output, async () =>
    {
        var silo = _processes.Add(NodeLauncher.StartSilo("silo+api (limited)", _database!, NodeLauncher.NewClusterId(), hostApi: true,
            $"--RateLimits:PerCaller={PerCaller}", "--RateLimits:Window=00:01:00"));
        await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        var tenant = TicketRequests.NewTenant();
        var caller = new ApiClient(http, tenant, TestTokens.Mint(tenant, "busy", ["agent"]));
        var colleague = new ApiClient(http, tenant, TestTokens.Mint(tenant, "calm", ["agent"]));

        for (var i = 0; i < PerCaller; i++)
        {
            (await caller.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
        }

        var refused = (await caller.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.TooManyRequests);
        (await colleague.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
        (await http.GetAsync("/healthz")).EnsureSuccessStatusCode();

        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(429, refused.Json.GetProperty("status").GetInt32());
        var retryAfter = int.Parse(refused.Header("Retry-After")!, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    });

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
