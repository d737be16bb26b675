using Orleans.Configuration;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Membership tuned so a silo that stops answering is declared dead within seconds (defaults take about a minute):
/// silos probe each other every second and three missed probes are enough to vote. A killed silo is usually
/// declared dead before that by <see cref="RefusedSiloDetector"/>, so the probes can afford a third miss for silos
/// that are slow rather than gone (on an overloaded machine, silos joining a cluster were declared dead while
/// starting: no connection had carried a message yet, so the liveness check below could not hold the vote back).
/// After a full restart
/// the new silo must also get past the dead silos still listed as active; it ignores those whose
/// heartbeat in the table is older than two missed publications (2 x 2 s instead of 3 x 5 s).
/// What keeps a silo that only stops for a while (a long GC pause, SIGSTOP) from being declared dead is the
/// connection liveness check: a vote is dropped while the suspect's connection delivered a message within
/// MaxProbeTimeout (4 x ProbeTimeout) x NumMissedProbesLimit = 12 s. A killed silo's connections are closed, so
/// nothing holds its vote back (FailureDetectionTests, docs/benchmarks.md "Failure detection").
/// </summary>
public static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 3;
        options.NumProbedSilos = 3;
        options.NumVotesForDeathDeclaration = 1;
        options.EnableConnectionLivenessCheck = true;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedTableIAmAliveLimit = 2;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
