using System.Net;
using System.Security.Cryptography.X509Certificates;
using TicketGrains.Grains.Hosting;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Security;

/// <summary>The API over HTTPS with the configured certificate, beside plain HTTP; HSTS only on HTTPS.</summary>
public sealed class HttpsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PublicHost = "shop.example";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly ProcessGroup _processes = new();
    private readonly TestCertificate _certificate = TestCertificates.Create("api");
    private TestDatabase? _database;
    private TicketGrainsNode? _node;
    private Uri? _https;

    [Fact]
    public Task Https_serves_the_api_with_the_configured_certificate_and_sends_hsts() => _processes.DiagnoseAsync(output, async () =>
    {
        X509Certificate2? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : new X509Certificate2(certificate);
                return certificate is not null && ClusterCertificate.Thumbprint(certificate) == ClusterCertificate.Thumbprint(_certificate.Certificate);
            },
        };
        using var https = new HttpClient(handler) { BaseAddress = _https, Timeout = RequestTimeout };
        using var http = new HttpClient { BaseAddress = _node!.BaseAddress, Timeout = RequestTimeout };

        var listed = await new ApiClient(https, TicketRequests.NewTenant()).GetAsync(TicketRequests.Tickets + "?limit=1");
        var overHttps = await SendAsPublicHostAsync(https);
        var overHttp = await SendAsPublicHostAsync(http);

        listed.Expect(HttpStatusCode.OK);
        Assert.NotNull(presented);
        Assert.Equal(ClusterCertificate.Thumbprint(_certificate.Certificate), ClusterCertificate.Thumbprint(presented));
        Assert.Equal(HttpStatusCode.OK, overHttps.Status);
        Assert.StartsWith("max-age=", overHttps.Hsts, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, overHttp.Status);
        Assert.Null(overHttp.Hsts);
    });

    [Fact]
    public Task A_client_that_does_not_trust_the_certificate_is_not_served() => _processes.DiagnoseAsync(output, async () =>
    {
        // Default validation: the test certificate is self-signed and names no host, so a careful client refuses it.
        using var https = new HttpClient { BaseAddress = _https, Timeout = RequestTimeout };

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => https.GetAsync("/healthz"));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(failure.InnerException);
    });

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        (_node, _https) = NodeLauncher.StartHttpsSilo("silo+api+https", _database, NodeLauncher.NewClusterId(), _certificate);
        _processes.Add(_node);
        await Readiness.WaitForApiAsync(_node, Readiness.Deadline);
    }

    public async Task DisposeAsync()
    {
        await _processes.StopAllAsync(StopGrace);
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>/healthz as a browser of the shop's public host would ask (HSTS is never sent to localhost).</summary>
    private static async Task<(HttpStatusCode Status, string? Hsts)> SendAsPublicHostAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = PublicHost;
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? string.Join(", ", values) : null);
    }
}
