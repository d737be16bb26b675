namespace TicketGrains.Grains.Surges;

/// <summary>
/// What a category's count per minute usually is at an hour of the (UTC) day: one <see cref="RateEstimate"/> per hour
/// slot, and one over the whole day for slots not yet warm (which also borrow from the hour before).
/// </summary>
public sealed class SurgeBaseline
{
    public RateEstimate[] Slots { get; set; } = [.. Enumerable.Range(0, 24).Select(_ => new RateEstimate())];

    public RateEstimate AllDay { get; set; } = new();

    public void Add(DateTimeOffset minute, double count, SurgeOptions options)
    {
        Slots[minute.UtcDateTime.Hour].Add(count, options.SlotWeight);
        // The day's rate moves a day's slot-weight slower: it is a fallback, not the seasonality.
        AllDay.Add(count, options.SlotWeight / 24);
    }

    /// <summary>The expected count per minute and its variance at <paramref name="at"/>.</summary>
    public (double Mean, double Variance) Expected(DateTimeOffset at, SurgeOptions options)
    {
        var hour = at.UtcDateTime.Hour;
        var slot = Slots[hour];
        if (slot.Minutes >= options.WarmMinutes)
        {
            return (slot.Mean, slot.Variance);
        }

        // A slot not yet learnt borrows from the hour before it (traffic ramps from hour to hour) and from the whole day.
        var before = Slots[(hour + 23) % 24];
        var neighbour = before.Minutes >= options.WarmMinutes ? before : new RateEstimate();
        return (Math.Max(slot.Mean, Math.Max(neighbour.Mean, AllDay.Mean)), Math.Max(slot.Variance, Math.Max(neighbour.Variance, AllDay.Variance)));
    }

    /// <summary>
    /// The levels of a window from <paramref name="from"/> to <paramref name="to"/>: a window reaching back into the hour
    /// before holds that hour's tickets, so across a step down of the daily curve the higher hour's levels apply.
    /// </summary>
    public SurgeLevels LevelsOver(DateTimeOffset from, DateTimeOffset to, SurgeOptions options)
    {
        var (earlier, now) = (Levels(from, options), Levels(to, options));
        return earlier.Onset > now.Onset ? earlier : now;
    }

    /// <summary>
    /// The window count that is an onset: at least the floor, the ratio times the expected count, and the expected count
    /// plus <see cref="SurgeOptions.Sigmas"/> deviations, where the variance is at least the mean (a Poisson count's).
    /// </summary>
    public SurgeLevels Levels(DateTimeOffset at, SurgeOptions options)
    {
        var (mean, variance) = Expected(at, options);
        var deviation = Math.Sqrt(Math.Max(variance, mean));
        var onset = Math.Max(options.MinimumCount, Math.Max(options.MinimumRatio * mean, mean + options.Sigmas * deviation));
        var end = Math.Max(options.MinimumCount / 2.0, mean + 2 * deviation);
        return new SurgeLevels(mean, onset, end);
    }
}

/// <summary>The expected count of a window, the count that starts a surge and the one a surge's minutes must fall below to end.</summary>
public readonly record struct SurgeLevels(double Expected, double Onset, double End);
