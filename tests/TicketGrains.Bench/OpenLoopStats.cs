namespace TicketGrains.Bench;

/// <summary>
/// How well an open-loop run kept its timetable. TimerLag is how late the bench woke for requests it was
/// ready for (its own CPU and timer delays); Backlogged counts requests that were already due when a worker
/// became free, because every worker was still waiting on the server. Both are inside the reported latency,
/// which is measured from the scheduled time.
/// </summary>
public sealed class OpenLoopStats
{
    private readonly Lock _lock = new();

    public LatencyHistogram TimerLag { get; } = new();

    public long Backlogged { get; private set; }

    public void Add(LatencyHistogram timerLag, long backlogged)
    {
        lock (_lock)
        {
            TimerLag.Add(timerLag);
            Backlogged += backlogged;
        }
    }
}
