namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Two pure silos, both active members, and an API front end in front of them: the shape of the kill tests.</summary>
public static class TwoSiloCluster
{
    /// <summary>Starts and waits for all three; silo settings are "--Key=value" arguments given to both silos.</summary>
    public static async Task<(IReadOnlyList<TicketGrainsNode> Silos, TicketGrainsNode Front)> StartAsync(
        ProcessGroup processes, TestDatabase database, string clusterId, params string[] siloSettings)
    {
        // One after the other: two silos starting together on a busy machine stall each other's TLS handshakes, and
        // the tuned failure detection then evicts one of them while it is still joining.
        var silos = new List<TicketGrainsNode>();
        foreach (var name in new[] { "silo-1", "silo-2" })
        {
            var silo = processes.Add(NodeLauncher.StartSilo(name, database, clusterId, hostApi: false, siloSettings));
            await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
            silos.Add(silo);
            await Poll.UntilAsync($"{silos.Count} silos to be active members", Readiness.Deadline,
                async () => await OrleansTables.CountSilosAsync(database, clusterId, OrleansTables.Active) == silos.Count);
        }

        var front = processes.Add(NodeLauncher.StartApi("api", database, clusterId));
        await Readiness.WaitForApiAsync(front, Readiness.Deadline);
        return (silos, front);
    }
}
