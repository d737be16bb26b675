using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Surges;

/// <summary>
/// The "Surges" section: how the detector decides (ADR 0024). The defaults were chosen on the quiet replay of
/// <c>deploy/local/surge-bench.sh</c> (docs/benchmarks.md): no false alarm in its days of ordinary variation, surges of
/// ten a minute and more detected within a minute.
/// </summary>
public sealed class SurgeOptions : IValidatableOptions
{
    public const string Section = "Surges";

    /// <summary>Whether silos run the surge subscriber (on by default). Read when the silo registers its subscribers.</summary>
    public bool Detect { get; set; } = true;

    /// <summary>The sliding window whose count is compared with the baseline's per-minute rate.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>The window's resolution: it slides by whole buckets.</summary>
    public int BucketSeconds { get; set; } = 5;

    /// <summary>How many standard deviations above the expected count the window must reach (the z-score of the onset).</summary>
    public double Sigmas { get; set; } = 5;

    /// <summary>The window must also reach this multiple of the expected count (a busy category's small variance is no surge).</summary>
    public double MinimumRatio { get; set; } = 3;

    /// <summary>The floor for sparse and new categories: never a surge below this many tickets in the window.</summary>
    public int MinimumCount { get; set; } = 10;

    /// <summary>The weight of each new minute in its hour-of-day slot's moving mean and variance.</summary>
    public double SlotWeight { get; set; } = 0.02;

    /// <summary>A slot with fewer minutes seen than this also looks at the all-day rate (a new category learns its day).</summary>
    public int WarmMinutes { get; set; } = 30;

    /// <summary>How many whole minutes in a row must be back near the baseline before a surge ends.</summary>
    public int EndQuietMinutes { get; set; } = 5;

    /// <summary>How many tickets of the window before an onset are kept to become the surge's first incidents.</summary>
    public int RecentLimit { get; set; } = 200;

    /// <summary>
    /// The shortest time between two pages of the surge subscriber while commits keep arriving. Each page costs a dozen
    /// statements however few tickets it counts (the detectors' state, high-water marks, pending incidents), and at a
    /// 10 ms gather a hundred messages a second made it the busiest reader of the database; counts go into
    /// <see cref="BucketSeconds"/>-long buckets, so a second more of lag changes no detection. Zero pages as often as
    /// every other subscriber.
    /// </summary>
    public TimeSpan PageInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public TimeSpan Bucket => TimeSpan.FromSeconds(BucketSeconds);

    public IEnumerable<string> Problems(string section)
    {
        if (BucketSeconds < 1 || WindowSeconds < BucketSeconds || WindowSeconds % BucketSeconds != 0 || WindowSeconds > 3600)
        {
            yield return $"{section}:WindowSeconds must be a multiple of {section}:BucketSeconds (at least 1) and at most 3600.";
        }

        if (Sigmas <= 0 || MinimumRatio < 1 || MinimumCount < 1)
        {
            yield return $"{section}:Sigmas must be above 0, MinimumRatio at least 1 and MinimumCount at least 1.";
        }

        if (SlotWeight is <= 0 or >= 1 || WarmMinutes < 0 || EndQuietMinutes < 1 || RecentLimit < 0)
        {
            yield return $"{section}:SlotWeight must be between 0 and 1, WarmMinutes and RecentLimit at least 0, EndQuietMinutes at least 1.";
        }

        if (PageInterval < TimeSpan.Zero || PageInterval > TimeSpan.FromSeconds(10))
        {
            yield return $"{section}:PageInterval must be between 00:00:00 and 00:00:10, not {PageInterval}.";
        }
    }
}
