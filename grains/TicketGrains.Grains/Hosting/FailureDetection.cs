using Orleans.Configuration;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Membership tuned so a killed silo is declared dead within seconds (defaults take about a minute):
/// silos probe each other every second and two missed probes are enough to vote. After a full restart
/// the new silo must also get past the dead silos still listed as active; it ignores those whose
/// heartbeat in the table is older than two missed publications (2 x 2 s instead of 3 x 5 s).
/// </summary>
public static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumProbedSilos = 3;
        options.NumVotesForDeathDeclaration = 1;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedTableIAmAliveLimit = 2;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
