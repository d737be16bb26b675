namespace TicketGrains.Grains.EventLog;

/// <summary>Group-commit writer settings (section "EventLog").</summary>
public sealed class EventLogOptions
{
    /// <summary>Statements in flight at once; while one commits, the next batch gathers.</summary>
    public int Writers { get; set; } = 3;

    /// <summary>Most events in one multi-row insert.</summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>A ticket stores a snapshot after this many events since the last one.</summary>
    public int SnapshotEvery { get; set; } = 50;
}
