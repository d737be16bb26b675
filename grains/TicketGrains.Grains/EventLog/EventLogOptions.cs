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

    /// <summary>Positions per partition of tg_events (0026): ten million events is hours of a Double 11 peak.</summary>
    public long PartitionSize { get; set; } = 10_000_000;

    /// <summary>Empty partitions kept ready above the log's head.</summary>
    public int PartitionsAhead { get; set; } = 2;

    /// <summary>How often a silo checks the partitions ahead (one silo at a time does the work).</summary>
    public TimeSpan PartitionCheckEvery { get; set; } = TimeSpan.FromMinutes(5);

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

        if (PartitionSize < 1000)
        {
            yield return $"{section}:PartitionSize must be at least 1000, not {PartitionSize}.";
        }

        if (PartitionsAhead is < 1 or > 100)
        {
            yield return $"{section}:PartitionsAhead must be between 1 and 100, not {PartitionsAhead}.";
        }

        if (PartitionCheckEvery < TimeSpan.FromSeconds(1))
        {
            yield return $"{section}:PartitionCheckEvery must be at least one second, not {PartitionCheckEvery}.";
        }

        if (SnapshotEvery < 1)
        {
            yield return $"{section}:SnapshotEvery must be at least 1, not {SnapshotEvery}.";
        }
    }
}
