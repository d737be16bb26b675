namespace TicketGrains.Grains.Pipeline;

/// <summary>When a subscriber's next page is due: at once while it is behind, after the poll interval once it has
/// caught up, a little later when commits keep arriving (<see cref="AfterWake"/>) or wait behind a running transaction,
/// and with doubling delays while its handler keeps failing. Not thread-safe: one pump's steps run one at a time.</summary>
public sealed class PumpSchedule
{
    private static readonly TimeSpan MinimumRetry = TimeSpan.FromMilliseconds(1);
    private readonly PipelineOptions _options;
    private readonly TimeSpan _gather;
    private readonly int _burst;

    /// <summary>Woken pages that may still start before a gather interval has passed (see <see cref="PipelineOptions.GatherBurst"/>).</summary>
    private double _credits;

    /// <param name="options">The pipeline's poll, page size, back-off, gather interval and burst.</param>
    /// <param name="ownGatherInterval">A subscriber's own, longer interval: it paces that subscriber exactly, without a burst.</param>
    public PumpSchedule(PipelineOptions options, TimeSpan? ownGatherInterval = null)
    {
        _options = options;
        _gather = ownGatherInterval ?? options.GatherInterval;
        _burst = ownGatherInterval is null ? options.GatherBurst : 1;
        _credits = _burst;
    }

    /// <summary>
    /// A page starts, <paramref name="sincePreviousStarted"/> after the one before (null for the first): it spends a
    /// credit, after the credits earned since then (one per gather interval, at most the burst) came back.
    /// </summary>
    public void PageStarted(TimeSpan? sincePreviousStarted)
    {
        var earned = sincePreviousStarted is { } since ? Available(since) : _burst;
        _credits = earned > 1 ? earned - 1 : 0;
    }

    /// <summary>
    /// The delay after a page of <paramref name="delivered"/> events was handled (0 when there was nothing new): none
    /// after a full page, else the poll interval, or the subscriber's own gather interval when that is longer. A page
    /// short of the head of the log (<see cref="LogPage{T}.ShortOfHead"/>), the <paramref name="shortInARow"/>-th in a
    /// row, is followed after the gather interval (at least a millisecond), doubling with each such page up to that
    /// delay: what it waits for usually ends within milliseconds, but a long transaction must not make it spin.
    /// </summary>
    public TimeSpan AfterPage(int delivered, int shortInARow = 0)
    {
        if (delivered >= _options.PageSize)
        {
            return TimeSpan.Zero;
        }

        var caughtUp = _options.PollInterval > _gather ? _options.PollInterval : _gather;
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
    /// <paramref name="sincePageStarted"/> ago: none while a credit is left, else until the next one is earned (with a
    /// burst of one, what is left of the gather interval).
    /// </summary>
    public TimeSpan AfterWake(TimeSpan sincePageStarted)
    {
        var available = Available(sincePageStarted);
        return available >= 1 || _gather <= TimeSpan.Zero ? TimeSpan.Zero : _gather * (1 - available);
    }

    private double Available(TimeSpan since)
    {
        if (_gather <= TimeSpan.Zero)
        {
            return _burst;
        }

        var earned = _credits + (since / _gather);
        return earned < _burst ? earned : _burst;
    }

    /// <summary>The delay before retrying after the <paramref name="consecutiveFailures"/>-th failure in a row (from 1).</summary>
    public TimeSpan AfterFailure(int consecutiveFailures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        var first = _options.PollInterval;
        var doublings = consecutiveFailures - 1;
        // Compare in ticks before multiplying: 2^doublings overflows a TimeSpan long before it matters.
        return doublings >= 62 || first.Ticks > _options.BackoffMax.Ticks >> doublings
            ? _options.BackoffMax
            : TimeSpan.FromTicks(first.Ticks << doublings);
    }
}
