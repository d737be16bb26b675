using System.Net;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Failover;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Outage;

/// <summary>
/// A silo and an API front end on a PostgreSQL of the test's own, which is stopped as a crash would stop it while
/// tickets are being created, and started again: the README's promise of 503 with Retry-After, kept.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 8;
    private const int AcksBeforeOutage = 50;
    private const int AcksAfterRecovery = 50;

    /// <summary>Longer than the API's retry budget for transient errors (20 s), so requests have to give up while it lasts.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(25);

    /// <summary>"Back within seconds of the database": from PostgreSQL accepting connections to the first acknowledged create.</summary>
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LoadDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private ThrowawayPostgres? _postgres;
    private TestDatabase? _database;

    private ThrowawayPostgres Postgres => _postgres ?? throw new InvalidOperationException("Not initialized.");

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Stopping_postgres_under_load_answers_503_with_retry_after_and_loses_no_acknowledged_ticket() => DiagnoseAsync(async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", Database, clusterId, hostApi: false));
        await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        var front = _processes.Add(NodeLauncher.StartApi("api", Database, clusterId));
        await Readiness.WaitForApiAsync(front, Readiness.Deadline);
        var nodes = new[] { silo, front };
        var pids = nodes.Select(n => n.Process.Id).ToList();
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, TicketRequests.NewTenant());
        var existing = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("created before the outage"))).Expect(HttpStatusCode.Created).Id;

        var load = new CreateLoad(api, Workers);
        load.Start();
        await Poll.UntilAsync($"{AcksBeforeOutage} creates acknowledged", LoadDeadline, () => Task.FromResult(load.Acks.Count >= AcksBeforeOutage));
        await Postgres.StopAsync();
        var stoppedAt = load.Now;

        await Poll.UntilAsync("both nodes to report not ready", ProbeDeadline, async () => await AllAnswerAsync(nodes, Probes.Ready, HttpStatusCode.ServiceUnavailable));
        var aliveDuringOutage = await AllAnswerAsync(nodes, Probes.Live, HttpStatusCode.OK);
        var requests = await Task.WhenAll(OutageRequests.All(existing).Select(r => r.SendAsync(api)));
        if (Outage - (load.Now - stoppedAt) is { Ticks: > 0 } rest)
        {
            // The outage itself is the scenario: it lasts past the API's retry budget.
            await Task.Delay(rest);
        }

        await Postgres.StartAgainAsync();
        Database.ClearPool();
        var restartedAt = load.Now;
        var recovered = await Poll.UntilAsync("a create acknowledged after PostgreSQL came back", RecoveryDeadline,
            () => Task.FromResult(load.Acks.Any(a => a.At > restartedAt)));
        await Poll.UntilAsync("both nodes to report ready again", RecoveryDeadline, async () => await AllAnswerAsync(nodes, Probes.Ready, HttpStatusCode.OK));
        var acksAtRecovery = load.Acks.Count;
        await Poll.UntilAsync($"{AcksAfterRecovery} more creates", LoadDeadline, () => Task.FromResult(load.Acks.Count >= acksAtRecovery + AcksAfterRecovery));
        await load.StopAsync();

        var (acks, failures) = (load.Acks, load.Failures);
        output.WriteLine($"acknowledged {acks.Count} creates; {failures.Count} failed; first create after the restart {recovered.TotalSeconds:0.0} s after it");
        foreach (var request in requests)
        {
            output.WriteLine($"during the outage: {request}");
        }

        foreach (var failure in failures.GroupBy(f => (f.Status, f.RetryAfter)).Select(g => g.First()))
        {
            output.WriteLine($"failure at {failure.At.TotalSeconds:0.0} s: {(int?)failure.Status} Retry-After {failure.RetryAfter}: {failure.Detail}");
        }

        Assert.True(aliveDuringOutage, "A liveness probe failed while only the database was down.");
        Assert.All(requests, r => r.AssertAnsweredWithoutServerError());
        Assert.Contains(failures, f => f.At > stoppedAt);
        Assert.All(failures, f => Assert.Equal((HttpStatusCode.ServiceUnavailable, "1"), (f.Status, f.RetryAfter)));
        Assert.All(failures, f => Assert.True(f.At < restartedAt + RecoveryDeadline, $"A create failed {(f.At - restartedAt).TotalSeconds:0.0} s after PostgreSQL was back."));
        Assert.Equal(pids, nodes.Select(n => n.Process.HasExited ? -1 : n.Process.Id));
        Assert.Equal(OrleansTables.Active, await OrleansTables.StatusOfAsync(Database, clusterId, silo.SiloPort));
        await AssertEachCreatedExactlyOnceAsync(api, acks);
    });

    public async Task InitializeAsync()
    {
        _postgres = await ThrowawayPostgres.StartAsync();
        _database = await TestDatabase.CreateAsync(_postgres.Server);
    }

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private async Task DiagnoseAsync(Func<Task> test)
    {
        try
        {
            await _processes.DiagnoseAsync(output, test);
        }
        catch
        {
            output.WriteLine($"----- end of the PostgreSQL log -----\n{Postgres.LogTail(40)}");
            throw;
        }
    }

    private static async Task<bool> AllAnswerAsync(IEnumerable<TicketGrainsNode> nodes, string path, HttpStatusCode expected)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var node in nodes)
        {
            using var response = await http.GetAsync(new Uri(node.BaseAddress, path));
            if (response.StatusCode != expected)
            {
                return false;
            }
        }

        return true;
    }

    private async Task AssertEachCreatedExactlyOnceAsync(ApiClient api, IReadOnlyList<CreateLoad.Ack> acks)
    {
        var created = await Database.PairsAsync<string, long>(
            "SELECT stream_id, count(*) FROM tg_events WHERE tenant_id = $1 AND event_type = 'TicketCreated' GROUP BY stream_id", api.Tenant!);

        Assert.Equal(acks.Count, acks.Select(a => a.Id).Distinct().Count());
        Assert.All(acks, a => Assert.Equal(1, created.GetValueOrDefault(StreamIds.Ticket(a.Id))));
        foreach (var ack in acks)
        {
            Assert.Equal(ack.Subject, (await api.GetAsync(TicketRequests.Ticket(ack.Id))).Expect(HttpStatusCode.OK).String("subject"));
        }
    }
}
