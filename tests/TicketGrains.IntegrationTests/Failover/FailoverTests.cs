using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>One API front end and two silos; one silo is killed (kill -9) while tickets are being created.</summary>
public sealed class FailoverTests(ITestOutputHelper output) : ClusterProcessTest
{
    private const int Workers = 16;

    /// <summary>At most this share of the creates may fail (with 503) around the kill.</summary>
    private const double MaxFailureShare = 0.05;

    /// <summary>Creates acknowledged before the kill: the cluster is warm and under load when the silo dies.</summary>
    private const int AcksBeforeKill = 200;

    /// <summary>How long the load goes on after the kill: the scenario's length, the window the gap and failures are measured in.</summary>
    private static readonly TimeSpan LoadAfterKill = TimeSpan.FromSeconds(10);

    /// <summary>The front end must acknowledge creates again this soon after a kill (issue 14: 2 s, 20 runs of 20).</summary>
    private static readonly TimeSpan MaxGapAfterKill = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DeathDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Killing_a_silo_under_load_loses_no_acknowledged_ticket_and_duplicates_none() => Processes.DiagnoseAsync(output, async () =>
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
        // The scenario: creates go on for a fixed window after the kill (nothing to wait for; the death is awaited below).
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
        await AcknowledgedTickets.AssertEachStoredOnceAsync(Database, api.Tenant!, acks, output);
        await AcknowledgedTickets.AssertAllReadableAsync(api, acks, Workers);
    });

    /// <summary>Two pure silos, both active members, and an API front end in front of them; returns the front end and the silo to kill.</summary>
    private async Task<(TicketGrainsNode Front, TicketGrainsNode Victim)> StartClusterAsync(string clusterId)
    {
        var (silos, front) = await TwoSiloCluster.StartAsync(Processes, Database, clusterId);
        return (front, silos[1]);
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
