using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Failover;

/// <summary>
/// Failure detection seen from outside, on two silo processes: a killed silo must be declared dead fast, a silo that
/// only stops running for a while (SIGSTOP, as in a long GC pause) must not be. The pause itself is the stimulus.
/// </summary>
public sealed class FailureDetectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan MaxTimeToDeclareKilledDead = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DeathDeadline = TimeSpan.FromSeconds(30);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    private TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    [Fact]
    public Task A_killed_silo_is_declared_dead_within_5_s() => _processes.DiagnoseAsync(output, async () =>
    {
        var (clusterId, survivor, victim) = await StartClusterAsync();

        victim.Process.Kill();
        var declaredDead = await Poll.UntilAsync($"{victim.Name} to be declared dead", DeathDeadline,
            async () => await OrleansTables.StatusOfAsync(Database, clusterId, victim.SiloPort) == OrleansTables.Dead);
        // Which mechanism declared it (the refused-port detector or missed probes) is printed for the benchmark notes, not
        // asserted: the detector depends on an outbound connection being open at the kill, which an idle pair may lack.
        output.WriteLine($"killed silo declared dead {declaredDead.TotalSeconds:0.0} s after the kill; the survivor logged " +
            $"{Count(survivor, "Did not get response for probe")} missed probe(s) and " +
            $"{Count(survivor, "refuses connections on its silo port")} refused-port declaration(s)");

        Assert.True(declaredDead < MaxTimeToDeclareKilledDead, $"The killed silo was declared dead only after {declaredDead.TotalSeconds:0.0} s.");
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public Task A_silo_paused_for_less_than_3_s_is_not_declared_dead_and_serves_again(int seconds) => _processes.DiagnoseAsync(output, async () =>
    {
        var (clusterId, survivor, victim) = await StartClusterAsync();

        var (status, suspicions) = await PauseAsync(clusterId, survivor, victim, TimeSpan.FromSeconds(seconds));

        Assert.Equal(0, suspicions);
        Assert.Equal(OrleansTables.Active, status);
        Assert.False(victim.Process.HasExited, $"{victim.Name} exited after the pause.");
    });

    /// <summary>Longer than the pauses the cluster must ride out: either outcome is allowed, but never a half-dead member.</summary>
    [Fact]
    public Task A_silo_paused_for_4_s_is_either_still_a_serving_member_or_dead_and_gone() => _processes.DiagnoseAsync(output, async () =>
    {
        var (clusterId, survivor, victim) = await StartClusterAsync();

        var (status, _) = await PauseAsync(clusterId, survivor, victim, TimeSpan.FromSeconds(4));

        if (status == OrleansTables.Dead)
        {
            // Orleans stops a silo that finds itself declared dead; the survivor keeps serving.
            await Poll.UntilAsync($"{victim.Name} to stop after being declared dead", DeathDeadline, () => Task.FromResult(victim.Process.HasExited));
            await Readiness.WaitForApiAsync(survivor, Readiness.Deadline);
        }
        else
        {
            Assert.Equal(OrleansTables.Active, status);
            Assert.False(victim.Process.HasExited, $"{victim.Name} exited although it is still an active member.");
        }
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

    /// <summary>
    /// Pauses the victim, continues it, and waits until it either was declared dead or has served an API request that
    /// needs a grain and published two heartbeats since: by then every probe that timed out during the pause has been
    /// counted and acted on. Returns its membership status and the suspicion votes cast against it.
    /// </summary>
    private async Task<(int Status, int Suspicions)> PauseAsync(string clusterId, TicketGrainsNode survivor, TicketGrainsNode victim, TimeSpan pause)
    {
        await victim.Process.PauseAsync();
        // The pause is the scenario (a stop-the-world GC of this length); what follows waits on observable state.
        await Task.Delay(pause);
        await victim.Process.ContinueAsync();
        var continuedAt = DateTimeOffset.UtcNow;

        var outcome = await Poll.UntilAsync($"{victim.Name} to serve again or be declared dead", DeathDeadline, async () =>
            await OrleansTables.StatusOfAsync(Database, clusterId, victim.SiloPort) == OrleansTables.Dead || await ServesAsync(victim));
        var member = await OrleansTables.MemberAsync(Database, clusterId, victim.SiloPort);
        if (member?.Status != OrleansTables.Dead)
        {
            var heartbeats = 0;
            var lastHeartbeat = continuedAt;
            await Poll.UntilAsync($"{victim.Name} to publish two heartbeats after the pause, or be declared dead", DeathDeadline, async () =>
            {
                member = await OrleansTables.MemberAsync(Database, clusterId, victim.SiloPort);
                if (member?.IAmAlive > lastHeartbeat)
                {
                    (heartbeats, lastHeartbeat) = (heartbeats + 1, member.Value.IAmAlive);
                }

                return heartbeats >= 2 || member?.Status == OrleansTables.Dead;
            });
        }

        var (status, suspicions, _) = member ?? throw new InvalidOperationException($"{victim.Name} is not in the membership table.");
        output.WriteLine($"paused {pause.TotalSeconds:0} s: {(status == OrleansTables.Dead ? "declared dead" : $"status {status}")}, " +
            $"{suspicions} suspicion vote(s) in the table, outcome known {outcome.TotalSeconds:0.0} s after the continue; the survivor logged " +
            $"{Count(survivor, "Did not get response for probe")} missed probe(s), {Count(survivor, "Suppressing vote")} suppressed vote(s), " +
            $"{Count(survivor, "Voting to evict")} vote(s) and {Count(survivor, "Evicting")} eviction(s)");
        return (status, suspicions);
    }

    /// <summary>Lines of a node's captured output (Orleans membership logs at Information) that contain the text.</summary>
    private static int Count(TicketGrainsNode node, string text) =>
        node.Process.Tail(int.MaxValue).Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    private static async Task<bool> ServesAsync(TicketGrainsNode node)
    {
        try
        {
            await Readiness.WaitForApiAsync(node, TimeSpan.Zero);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Two silos that also serve the API, both active members; returns the cluster id, the survivor and the victim.</summary>
    private async Task<(string ClusterId, TicketGrainsNode Survivor, TicketGrainsNode Victim)> StartClusterAsync()
    {
        var clusterId = NodeLauncher.NewClusterId();
        var silos = new[] { "silo-1", "silo-2" }.Select(n => _processes.Add(NodeLauncher.StartSilo(n, Database, clusterId, hostApi: true))).ToList();
        foreach (var silo in silos)
        {
            await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
        }

        await Poll.UntilAsync("both silos to be active members", Readiness.Deadline,
            async () => await OrleansTables.CountSilosAsync(Database, clusterId, OrleansTables.Active) == 2);
        return (clusterId, silos[0], silos[1]);
    }
}
