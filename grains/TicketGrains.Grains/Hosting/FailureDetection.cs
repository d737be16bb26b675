using Orleans.Configuration;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Membership tuned so a killed silo is declared dead within seconds (defaults take about a minute):
/// silos probe each other every second and two missed probes are enough to vote.
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
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
