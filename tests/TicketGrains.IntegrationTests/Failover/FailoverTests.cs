using System.Collections.Concurrent;
using System.Net;
using TicketGrains.Grains.EventLog;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>One API front end and two silos; one silo is killed (kill -9) while tickets are being created.</summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 16;

    /// <summary>At most this share of the creates may fail (with 503) around the kill.</summary>
    private const double MaxFailureShare = 0.05;

    /// <summary>Creates acknowledged before the kill: the cluster is warm and under load when the silo dies.</summary>
    private const int AcksBeforeKill = 200;

    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(10);

    /// <summary>The front end must acknowledge creates again this soon after a kill (issue 14: 2 s, 20 runs of 20).</summary>
    private static readonly TimeSpan MaxGapAfterKill = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DeathDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task Killing_a_silo_under_load_loses_no_acknowledged_ticket_and_duplicates_none() => _processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var (front, victim) = await StartClusterAsync(clusterId);
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, TicketRequests.NewTenant());

        var load = new CreateLoad(api, Workers);
        load.Start();
        await Poll.UntilAsync($"{AcksBeforeKill} creates to be acknowledged before the kill", Readiness.Deadline,
            () => Task.FromResult(load.AckCount >= AcksBeforeKill));
        victim.Process.Kill();
        var killedAt = load.Now;
        var declaredDead = Poll.UntilAsync($"{victim.Name} to be declared dead", DeathDeadline,
            async () => await OrleansTables.StatusOfAsync(Database, clusterId, victim.SiloPort) == OrleansTables.Dead);
        await Task.Delay(LoadAfterKill);
        var stoppedAt = load.Now;
        await load.StopAsync();

        var acks = load.Acks;
        var failures = load.Failures;
        var gap = LongestGap(acks.Select(a => a.At).Where(at => at > killedAt && at <= stoppedAt), killedAt, stoppedAt);
        output.WriteLine($"acknowledged {acks.Count} creates ({acks.Count(a => a.At <= killedAt)} before the kill), " +
            $"{failures.Count} failed, longest gap after the kill {gap.TotalSeconds:0.00} s, slowest request ended {(load.Now - stoppedAt).TotalSeconds:0.0} s after the load stopped");
        output.WriteLine($"{victim.Name} declared dead {(await declaredDead).TotalSeconds:0.0} s after the kill");
        foreach (var failure in failures.Take(10))
        {
            output.WriteLine($"failure at {failure.At.TotalSeconds:0.00} s: {(int?)failure.Status} {failure.Detail}");
        }

        Assert.All(failures, f => Assert.Equal(HttpStatusCode.ServiceUnavailable, f.Status));
        Assert.True(failures.Count <= MaxFailureShare * (acks.Count + failures.Count), $"{failures.Count} of {acks.Count + failures.Count} creates failed.");
        Assert.True(gap <= MaxGapAfterKill, $"No create was acknowledged for {gap.TotalSeconds:0.00} s after the kill.");
        // The front end saw its connection to the killed silo's gateway drop, and sent the calls in flight on it again.
        Assert.Contains("Gateway connection lost", front.Process.Tail(int.MaxValue), StringComparison.Ordinal);
        Assert.Equal(acks.Count, acks.Select(a => a.Id).Distinct().Count());
        await AssertEachCreatedExactlyOnceAsync(api.Tenant!, acks);
        await AssertAllReadableAsync(api, acks);
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

    /// <summary>Two pure silos, both active members, and an API front end in front of them; returns the front end and the silo to kill.</summary>
    private async Task<(TicketGrainsNode Front, TicketGrainsNode Victim)> StartClusterAsync(string clusterId)
    {
        var (silos, front) = await TwoSiloCluster.StartAsync(_processes, Database, clusterId);
        return (front, silos[1]);
    }

    private async Task AssertEachCreatedExactlyOnceAsync(string tenant, IReadOnlyList<CreateLoad.Ack> acks)
    {
        var created = await Database.PairsAsync<string, long>(
            "SELECT stream_id, count(*) FROM tg_events WHERE tenant_id = $1 AND event_type = 'TicketCreated' GROUP BY stream_id", tenant);
        // Subjects are stored sealed with the customer's key (a fresh nonce each): opened here to compare them.
        var keys = await StoredDataKeys.LoadAsync(Database.OwnerConnectionString, [TestEncryption.MasterKey], tenant);
        var stored = await Database.ColumnAsync<string[]>(
            "SELECT ARRAY[stream_id, data->>'customerId', data->>'subject'] FROM tg_events WHERE tenant_id = $1 AND event_type = 'TicketCreated'", tenant);
        var subjects = stored.ToDictionary(r => r[0], r => keys.Open(Guid.Parse(r[1]), r[2]));
        var repeated = subjects.Values.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        output.WriteLine($"TicketCreated rows in the log: {created.Values.Sum()} for {acks.Count} acknowledged creates");

        Assert.Empty(repeated);
        Assert.All(acks, a => Assert.Equal(1, created.GetValueOrDefault(StreamIds.Ticket(a.Id))));
        Assert.All(acks, a => Assert.Equal(a.Subject, subjects[StreamIds.Ticket(a.Id)]));
    }

    private static async Task AssertAllReadableAsync(ApiClient api, IReadOnlyList<CreateLoad.Ack> acks)
    {
        var subjects = new ConcurrentDictionary<Guid, string?>();
        await Parallel.ForEachAsync(acks, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (ack, _) =>
            subjects[ack.Id] = (await api.GetAsync(TicketRequests.Ticket(ack.Id))).Expect(HttpStatusCode.OK).String("subject"));

        Assert.All(acks, a => Assert.Equal(a.Subject, subjects[a.Id]));
    }

    private static TimeSpan LongestGap(IEnumerable<TimeSpan> times, TimeSpan from, TimeSpan to)
    {
        var longest = TimeSpan.Zero;
        var previous = from;
        foreach (var at in times.Order().Append(to))
        {
            longest = at - previous > longest ? at - previous : longest;
            previous = at;
        }

        return longest;
    }
}
