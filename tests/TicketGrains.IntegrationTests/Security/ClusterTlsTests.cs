using System.Net;
using System.Security.Authentication;
using TicketGrains.Grains.Hosting;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Security;

/// <summary>
/// Two silo processes and an API front end whose Orleans traffic is mutual TLS with the cluster certificate: the
/// silo port speaks only TLS, answers only peers holding the pinned certificate, and a silo without it cannot join.
/// </summary>
public sealed class ClusterTlsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan JoinDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly ProcessGroup _processes = new();
    private readonly string _clusterId = NodeLauncher.NewClusterId();
    private TestDatabase? _database;
    private TicketGrainsNode? _silo;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    private TicketGrainsNode Silo => _silo ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Silos_and_front_end_form_a_cluster_over_tls_and_the_api_works_through_it() => _processes.DiagnoseAsync(output, async () =>
    {
        var second = _processes.Add(NodeLauncher.StartSilo("silo-2", Database, _clusterId, hostApi: false));
        await Poll.UntilAsync("both silos to be active members", Readiness.Deadline,
            async () => await OrleansTables.CountSilosAsync(Database, _clusterId, OrleansTables.Active) == 2);
        var front = _processes.Add(NodeLauncher.StartApi("api", Database, _clusterId));
        await Readiness.WaitForApiAsync(front, Readiness.Deadline);
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = ProbeDeadline * 3 };
        var api = new ApiClient(http, TicketRequests.NewTenant());

        var created = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("over tls"))).Expect(HttpStatusCode.Created);
        Assert.Equal("over tls", (await api.GetAsync(TicketRequests.Ticket(created.Id))).Expect(HttpStatusCode.OK).String("subject"));

        foreach (var silo in new[] { Silo, second })
        {
            var probe = await TlsProbe.TlsAsync(silo.SiloPort, TestCertificates.Cluster.Certificate, ProbeDeadline);
            output.WriteLine($"{silo.Name}: {probe}");
            Assert.True(probe.HandshakeCompleted, probe.Failure);
            Assert.Contains(probe.Protocol, new[] { SslProtocols.Tls12, SslProtocols.Tls13 });
            Assert.Equal(ClusterCertificate.Thumbprint(TestCertificates.Cluster.Certificate), ClusterCertificate.Thumbprint(probe.ServerCertificate!));
            // The silo's Orleans preamble names its cluster: Orleans itself runs inside the TLS session.
            Assert.Contains(_clusterId, probe.Received, StringComparison.Ordinal);
        }
    });

    [Fact]
    public Task The_silo_port_refuses_plain_tcp() => _processes.DiagnoseAsync(output, async () =>
    {
        // What a plain Orleans peer would send first: a length-prefixed preamble. A TLS server reads it as a broken ClientHello.
        byte[] plainPreamble = [.. BitConverter.GetBytes(64), .. System.Text.Encoding.UTF8.GetBytes(_clusterId.PadRight(64, ' '))];

        var (received, failure) = await TlsProbe.PlainAsync(Silo.SiloPort, plainPreamble, ProbeDeadline);

        output.WriteLine($"plain TCP: received {received.Length} bytes, {failure}");
        Assert.DoesNotContain(_clusterId, received, StringComparison.Ordinal);
        Assert.True(received.Length == 0 || received[0] == 0x15, $"The silo answered plain TCP with {received.Length} non-alert bytes.");
        Assert.NotNull(failure);
        Assert.DoesNotContain("OperationCanceledException", failure, StringComparison.Ordinal);
    });

    [Fact]
    public Task A_tls_client_without_the_cluster_certificate_gets_no_orleans_session() => _processes.DiagnoseAsync(output, async () =>
    {
        var stranger = TestCertificates.Create("stranger-client");

        foreach (var (who, certificate) in new[] { ("no certificate", null), ("a stranger's certificate", stranger.Certificate) })
        {
            var probe = await TlsProbe.TlsAsync(Silo.SiloPort, certificate, ProbeDeadline);

            output.WriteLine($"{who}: {probe}");
            Assert.False(probe.Spoke, $"The silo talked to a client with {who}: {probe.Received.Length} bytes.");
            Assert.NotNull(probe.Failure);
            Assert.DoesNotContain("OperationCanceledException", probe.Failure, StringComparison.Ordinal);
        }
    });

    [Fact]
    public Task A_silo_with_another_certificate_cannot_join() => _processes.DiagnoseAsync(output, async () =>
    {
        var stranger = TestCertificates.Create("stranger-silo");
        var intruder = _processes.Add(NodeLauncher.StartSilo("intruder", Database, _clusterId, hostApi: false,
            TestCertificates.NodeSettings(stranger)));

        var took = await Poll.UntilAsync("the intruder silo to give up joining", JoinDeadline, () => Task.FromResult(intruder.Process.HasExited));

        output.WriteLine($"the intruder exited after {took.TotalSeconds:0.0} s; its status: {await OrleansTables.StatusOfAsync(Database, _clusterId, intruder.SiloPort)}");
        Assert.NotEqual(OrleansTables.Active, await OrleansTables.StatusOfAsync(Database, _clusterId, intruder.SiloPort));
        Assert.Equal(1, await OrleansTables.CountSilosAsync(Database, _clusterId, OrleansTables.Active));
        Assert.Equal(OrleansTables.Active, await OrleansTables.StatusOfAsync(Database, _clusterId, Silo.SiloPort));
    });

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _silo = _processes.Add(NodeLauncher.StartSilo("silo-1", _database, _clusterId, hostApi: false));
        await Readiness.WaitForHealthAsync(_silo, Readiness.Deadline);
        await Poll.UntilAsync("silo-1 to be an active member", Readiness.Deadline,
            async () => await OrleansTables.StatusOfAsync(Database, _clusterId, _silo.SiloPort) == OrleansTables.Active);
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
}
