using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.EventLog;

/// <summary>Group-commit writer settings (section "EventLog").</summary>
public sealed class EventLogOptions : IValidatableOptions
{
    /// <summary>Statements in flight at once; while one commits, the next batch gathers.</summary>
    public int Writers { get; set; } = 3;

    /// <summary>Most events in one multi-row insert.</summary>
    public int MaxBatch { get; set; } = 1000;

    /// <summary>A ticket stores a snapshot after this many events since the last one.</summary>
    public int SnapshotEvery { get; set; } = 50;

    public IEnumerable<string> Problems(string section)
    {
        if (Writers is < 1 or > 32)
        {
            yield return $"{section}:Writers must be between 1 and 32, not {Writers}.";
        }

        if (MaxBatch is < 1 or > 10_000)
        {
            yield return $"{section}:MaxBatch must be between 1 and 10000, not {MaxBatch}.";
        }

        if (SnapshotEvery < 1)
        {
            yield return $"{section}:SnapshotEvery must be at least 1, not {SnapshotEvery}.";
        }
    }
}
