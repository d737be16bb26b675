namespace TicketGrains.Grains.Surges;

/// <summary>Tickets in the last window, in buckets of <see cref="SurgeOptions.BucketSeconds"/> that slide as time passes.</summary>
public sealed class WindowCounts
{
    /// <summary>Counts per bucket, oldest first; the last is the bucket starting at <see cref="NewestStart"/>.</summary>
    public List<int> Buckets { get; set; } = [];

    public DateTimeOffset NewestStart { get; set; }

    public int Count => Buckets.Sum();

    /// <summary>Moves the window so that its newest bucket holds <paramref name="at"/>.</summary>
    public void Roll(DateTimeOffset at, SurgeOptions options)
    {
        var size = options.WindowSeconds / options.BucketSeconds;
        var start = Floor(at, options.Bucket);
        if (Buckets.Count == 0 || start - NewestStart >= options.Window)
        {
            Buckets = [.. Enumerable.Repeat(0, size)];
            NewestStart = start;
            return;
        }

        while (NewestStart < start)
        {
            Buckets.RemoveAt(0);
            Buckets.Add(0);
            NewestStart += options.Bucket;
        }
    }

    public void Add() => Buckets[^1]++;

    public static DateTimeOffset Floor(DateTimeOffset at, TimeSpan unit) =>
        new(at.UtcTicks - at.UtcTicks % unit.Ticks, TimeSpan.Zero);
}
