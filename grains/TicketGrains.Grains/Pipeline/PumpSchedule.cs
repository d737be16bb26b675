namespace TicketGrains.Grains.Pipeline;

/// <summary>When a subscriber's next page is due: at once while it is behind, after the poll interval once it has
/// caught up, a little later when commits keep arriving (<see cref="AfterWake"/>) or wait behind a running transaction,
/// and with doubling delays while its handler keeps failing.</summary>
public sealed class PumpSchedule(PipelineOptions options, TimeSpan? ownGatherInterval = null)
{
    private static readonly TimeSpan MinimumRetry = TimeSpan.FromMilliseconds(1);
    private readonly TimeSpan _gather = ownGatherInterval ?? options.GatherInterval;

    /// <summary>
    /// The delay after a page of <paramref name="delivered"/> events was handled (0 when there was nothing new): none
    /// after a full page, else the poll interval, or the subscriber's own gather interval when that is longer. A page
    /// short of the head of the log (<see cref="LogPage{T}.ShortOfHead"/>), the <paramref name="shortInARow"/>-th in a
    /// row, is followed after the gather interval (at least a millisecond), doubling with each such page up to that
    /// delay: what it waits for usually ends within milliseconds, but a long transaction must not make it spin.
    /// </summary>
    public TimeSpan AfterPage(int delivered, int shortInARow = 0)
    {
        if (delivered >= options.PageSize)
        {
            return TimeSpan.Zero;
        }

        var caughtUp = options.PollInterval > _gather ? options.PollInterval : _gather;
        if (shortInARow < 1)
        {
            return caughtUp;
        }

        var first = _gather > MinimumRetry ? _gather : MinimumRetry;
        var doublings = shortInARow - 1;
        return doublings >= 62 || first.Ticks > caughtUp.Ticks >> doublings ? caughtUp : TimeSpan.FromTicks(first.Ticks << doublings);
    }

    /// <summary>
    /// The delay before the next page when commits arrived while the last one was read and handled, which started
    /// <paramref name="sincePageStarted"/> ago: what is left of the gather interval.
    /// </summary>
    public TimeSpan AfterWake(TimeSpan sincePageStarted) =>
        sincePageStarted >= _gather ? TimeSpan.Zero : _gather - sincePageStarted;

    /// <summary>The delay before retrying after the <paramref name="consecutiveFailures"/>-th failure in a row (from 1).</summary>
    public TimeSpan AfterFailure(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        var first = options.PollInterval;
        var doublings = consecutiveFailures - 1;
        // Compare in ticks before multiplying: 2^doublings overflows a TimeSpan long before it matters.
        return doublings >= 62 || first.Ticks > options.BackoffMax.Ticks >> doublings
            ? options.BackoffMax
            : TimeSpan.FromTicks(first.Ticks << doublings);
    }
}
