using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>
/// One API front end and two silos; one silo is removed the way an SRE or Kubernetes removes it (SIGTERM, as
/// `cluster.sh remove-silo` and a pod's termination do) while tickets are being created: no request may fail.
/// </summary>
public sealed class GracefulRemovalTests(ITestOutputHelper output) : ClusterProcessTest
{
    private const int Workers = 16;

    /// <summary>Creates acknowledged before the removal, and again after the silo is gone: the cluster is warm and keeps serving.</summary>
    private const int AcksAroundRemoval = 200;

    /// <summary>The grace Kubernetes gives a silo pod (terminationGracePeriodSeconds in deploy/k8s/silo.yaml).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public Task Removing_a_silo_gracefully_under_load_fails_no_request() => Processes.DiagnoseAsync(output, async () =>
    {
        var clusterId = NodeLauncher.NewClusterId();
        var (silos, front) = await TwoSiloCluster.StartAsync(Processes, Database, clusterId);
        var leaving = silos[1];
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = RequestTimeout };
        var api = new ApiClient(http, TicketRequests.NewTenant());

        var load = new CreateLoad(api, Workers);
        load.Start();
        await Poll.UntilAsync($"{AcksAroundRemoval} creates to be acknowledged before the removal", Readiness.Deadline,
            () => Task.FromResult(load.AckCount >= AcksAroundRemoval));
        var removedAt = load.Now;
        await leaving.Process.StopAsync(Grace);
        var goneAt = load.Now;
        var acksWhenGone = load.AckCount;
        await Poll.UntilAsync($"{AcksAroundRemoval} more creates after {leaving.Name} exited", Readiness.Deadline,
            () => Task.FromResult(load.AckCount >= acksWhenGone + AcksAroundRemoval));
        await load.StopAsync();

        var acks = load.Acks;
        var failures = load.Failures;
        output.WriteLine($"acknowledged {acks.Count} creates, {acks.Count(a => a.At > removedAt && a.At <= goneAt)} of them while " +
            $"{leaving.Name} drained ({(goneAt - removedAt).TotalSeconds:0.0} s from SIGTERM to exit); {failures.Count} failed");
        foreach (var failure in failures.Take(10))
        {
            output.WriteLine($"failure at {failure.At.TotalSeconds:0.00} s: {(int?)failure.Status} {failure.Detail}");
        }

        // It stopped by itself (not killed at the end of the grace) and left the membership table as dead, not suspected.
        Assert.Equal(0, leaving.Process.ExitCode);
        Assert.Equal(OrleansTables.Dead, await OrleansTables.StatusOfAsync(Database, clusterId, leaving.SiloPort));
        Assert.Empty(failures);
        Assert.Equal(acks.Count, acks.Select(a => a.Id).Distinct().Count());
        await AcknowledgedTickets.AssertEachStoredOnceAsync(Database, api.Tenant!, acks, output);
        await AcknowledgedTickets.AssertAllReadableAsync(api, acks, Workers);
    });

}
