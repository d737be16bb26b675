using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// The meter "TicketGrains.Pulls": how long each phase of an agent's pull took, so the pull's tail can be split
/// between the front end's grain call ("call"), the agent grain's own turn ("agent": room, queue takes and claim),
/// the ticket's claim with its durable append ("claim") and the front end's wait for the audit entry after the
/// call ("audit"; the entry is written alongside the claim, so this is what is left of its commit). The buckets are fine
/// below 20 ms because the aim they serve is a p99 under 10 ms.
/// </summary>
public sealed class PullPhaseMetrics
{
    public const string MeterName = "TicketGrains.Pulls";

    public const string Call = "call";
    public const string Agent = "agent";
    public const string Claim = "claim";
    public const string Audit = "audit";

    private static readonly double[] SecondBuckets =
        [0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.01, 0.0125, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 1];

    private readonly Histogram<double> _phases;

    public PullPhaseMetrics(IMeterFactory meters) =>
        _phases = meters.Create(MeterName).CreateHistogram("ticketgrains.agents.pull.phase.duration", "s",
            "Time of one phase of a pull that handed a ticket: call, agent, claim or audit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondBuckets });

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) under <paramref name="phase"/>.</summary>
    public void Since(string phase, long startTimestamp) =>
        _phases.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("phase", phase));
}
