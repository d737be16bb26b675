using System.Globalization;
using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Security;

/// <summary>A silo configured with tiny per-caller and per-tenant limits refuses requests over them with 429 and Retry-After.</summary>
public sealed class RateLimitTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int PerCaller = 3;
    private const int PerTenant = 4;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    [Fact]
    public Task Requests_over_the_callers_or_the_tenants_limit_are_429_with_retry_after() => _processes.DiagnoseAsync(output, async () =>
    {
        var silo = _processes.Add(NodeLauncher.StartSilo("silo+api (limited)", _database!, NodeLauncher.NewClusterId(), hostApi: true,
            $"--RateLimits:PerCaller={PerCaller}", $"--RateLimits:PerTenant={PerTenant}", "--RateLimits:Window=00:01:00"));
        await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = RequestTimeout };
        var (alone, shared) = (TicketRequests.NewTenant(), TicketRequests.NewTenant());

        // One caller alone in its tenant: refused on its 4th request although the tenant has room for a 4th.
        var busy = Caller(http, alone, "busy");
        await ExpectOkAsync(busy, PerCaller);
        var overCaller = (await busy.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.TooManyRequests);

        // Two callers share a tenant: the second is refused on its 2nd request, far under its own limit.
        await ExpectOkAsync(Caller(http, shared, "first"), PerCaller);
        var second = Caller(http, shared, "second");
        await ExpectOkAsync(second, PerTenant - PerCaller);
        var overTenant = (await second.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.TooManyRequests);

        await ExpectOkAsync(Caller(http, TicketRequests.NewTenant(), "elsewhere"), 1);
        (await new ApiClient(http, null, "").GetAsync("/healthz")).Expect(HttpStatusCode.OK);
        foreach (var refused in new[] { overCaller, overTenant })
        {
            Assert.Equal("application/problem+json", refused.MediaType);
            Assert.Equal(429, refused.Json.GetProperty("status").GetInt32());
            Assert.InRange(int.Parse(refused.Header("Retry-After")!, CultureInfo.InvariantCulture), 1, 60);
        }
    });

    private static ApiClient Caller(HttpClient http, string tenant, string subject) => new(http, tenant, TestTokens.Mint(tenant, subject, ["agent"]));

    private static async Task ExpectOkAsync(ApiClient caller, int times)
    {
        for (var i = 0; i < times; i++)
        {
            (await caller.GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
        }
    }

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
