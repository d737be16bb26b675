namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>Two pure silos, both active members, and an API front end in front of them: the shape of the kill tests.</summary>
public static class TwoSiloCluster
{
    /// <summary>Starts and waits for all three; silo settings are "--Key=value" arguments given to both silos.</summary>
    public static async Task<(IReadOnlyList<TicketGrainsNode> Silos, TicketGrainsNode Front)> StartAsync(
        ProcessGroup processes, TestDatabase database, string clusterId, params string[] siloSettings)
    {
        var silos = new[] { "silo-1", "silo-2" }
            .Select(n => processes.Add(NodeLauncher.StartSilo(n, database, clusterId, hostApi: false, siloSettings))).ToList();
        foreach (var silo in silos)
        {
            await Readiness.WaitForHealthAsync(silo, Readiness.Deadline);
        }

        await Poll.UntilAsync("both silos to be active members", Readiness.Deadline,
            async () => await OrleansTables.CountSilosAsync(database, clusterId, OrleansTables.Active) == 2);
        var front = processes.Add(NodeLauncher.StartApi("api", database, clusterId));
        await Readiness.WaitForApiAsync(front, Readiness.Deadline);
        return (silos, front);
    }
}
