namespace TicketGrains.Bench;

/// <summary>
/// One measured run. Count is what succeeded (rows for the raw phases, 201s for HTTP); the latency is per
/// operation (a statement, a batch, a request) and covers successes only, so fast failures cannot flatter it.
/// OpenLoop tells, for open-loop runs, how much of the latency came from the bench keeping its timetable.
/// </summary>
public sealed record PhaseResult(
    string Phase,
    string Mode,
    long Count,
    long Errors,
    TimeSpan Elapsed,
    LatencyHistogram Latency,
    CpuSplit? Cpu,
    OpenLoopStats? OpenLoop = null)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;
}
