using Microsoft.Extensions.Logging;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// One step of a subscriber's loop: read the page after its checkpoint, hand it over, move the checkpoint.
/// The checkpoint moves only after the handler returned, so a crash or a failure repeats the page, never skips it.
/// It is stored at most once per <see cref="PipelineOptions.CheckpointInterval"/>: each store is a durable commit, and
/// one per page made checkpoints the most frequent commit of the database. A caught-up subscriber still polls, so
/// its last position is stored one interval after it got there. A crash repeats what was handled since the last store, which handlers absorb, being
/// idempotent by position. The caller runs steps one at a time and waits the returned delay in between.
/// </summary>
public sealed class SubscriberPump(
    IEventSubscriber subscriber,
    ICommittedEventSource source,
    ISubscriptionStore store,
    PipelineOptions options,
    ILogger logger,
    TimeProvider? time = null)
{
    private readonly PumpSchedule _schedule = new(options, subscriber.GatherInterval);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private Checkpoint? _checkpoint;
    private Checkpoint? _stored;
    private DateTimeOffset _storedAt = DateTimeOffset.MinValue;
    private int _failures;
    private int _shortInARow;
    private long? _lastStarted;
    private string? _lastFailure;

    /// <summary>
    /// When to read again after commits woke the subscriber during a step that started <paramref name="sincePageStarted"/>
    /// ago and asked for <paramref name="stepDelay"/>: a failing subscriber keeps its back-off (new commits do not make
    /// its handler work), anything else reads again after the gather interval, or sooner when the step asked for that.
    /// </summary>
    public TimeSpan AfterWake(TimeSpan sincePageStarted, TimeSpan stepDelay)
    {
        if (_failures > 0)
        {
            return stepDelay;
        }

        var afterWake = _schedule.AfterWake(sincePageStarted);
        return stepDelay < afterWake ? stepDelay : afterWake;
    }

    /// <summary>
    /// When to read after commits woke the subscriber between steps, the last of which started
    /// <paramref name="sinceLastPageStarted"/> ago: what is left of the gather interval; null while the handler keeps
    /// failing, whose back-off new commits do not shorten.
    /// </summary>
    public TimeSpan? WhenWokenBetweenSteps(TimeSpan sinceLastPageStarted) =>
        Volatile.Read(ref _failures) > 0 ? null : _schedule.AfterWake(sinceLastPageStarted);

    /// <summary>The last event handled, once the stored checkpoint has been loaded.</summary>
    public Checkpoint? Checkpoint => _checkpoint;

    /// <summary>Runs one step; returns how long to wait before the next.</summary>
    public async Task<TimeSpan> PumpOnceAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        _schedule.PageStarted(_lastStarted is { } previous ? _time.GetElapsedTime(previous, started) : null);
        _lastStarted = started;
        try
        {
            if (_checkpoint is null)
            {
                _checkpoint = _stored = await store.OpenAsync(subscriber.Name, subscriber.StartFrom, subscriber.TakesOverFrom, subscriber.HandsOverTo, cancellationToken);
                _storedAt = _time.GetUtcNow();
            }

            var from = _checkpoint.Value;
            var (count, reached, shortOfHead) = subscriber is ISelectiveEventSubscriber selective
                ? await HandleSelectedAsync(selective, from, cancellationToken)
                : await HandleAllAsync(from, cancellationToken);
            _checkpoint = reached;
            if (_failures > 0 || ShouldStore())
            {
                // Also after a recovery with nothing new to hand over: that clears the stored failure count.
                await StoreAsync(cancellationToken);
            }

            _failures = 0;
            _lastFailure = null;
            // Counted while the page makes no progress: a long transaction holds everything back and must not be polled hard.
            _shortInARow = !shortOfHead ? 0 : count > 0 ? 1 : _shortInARow + 1;
            return _schedule.AfterPage(count, _shortInARow);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _failures++;
            var delay = _schedule.AfterFailure(_failures);
            LogFailure(e, delay);
            await RecordFailureAsync(e, cancellationToken);
            return delay;
        }
    }

    /// <summary>
    /// The stack trace goes out once per kind of failure in a streak; a repeat says only its message. A lost table
    /// fails every subscriber at every back-off step, and thirty-line traces of the same error buried the one
    /// critical line that said what happened.
    /// </summary>
    private void LogFailure(Exception e, TimeSpan delay)
    {
        var failure = $"{e.GetType().Name}: {e.Message}";
        if (failure == _lastFailure)
        {
            logger.LogWarning("Subscriber {Subscriber} failed again after {Checkpoint} ({Attempts} in a row): {Failure}; retrying in {Delay}",
                subscriber.Name, _checkpoint, _failures, failure, delay);
            return;
        }

        _lastFailure = failure;
        logger.LogWarning(e, "Subscriber {Subscriber} failed after {Checkpoint} ({Attempts} in a row); retrying in {Delay}",
            subscriber.Name, _checkpoint, _failures, delay);
    }

    /// <summary>Stores the checkpoint reached if it has not been stored yet (an activation going away calls it).</summary>
    public async Task StoreAsync(CancellationToken cancellationToken)
    {
        if (_checkpoint is not { } reached || (reached == _stored && _failures == 0))
        {
            return;
        }

        await store.SaveAsync(subscriber.Name, reached, cancellationToken);
        (_stored, _storedAt) = (reached, _time.GetUtcNow());
    }

    /// <summary>The checkpoint moved since it was last stored, at least the interval ago.</summary>
    private bool ShouldStore() => _checkpoint != _stored && _time.GetUtcNow() - _storedAt >= options.CheckpointInterval;

    /// <summary>Reads a page and hands it over whole; returns its size, the checkpoint after it and whether it fell short of the head.</summary>
    private async Task<(int Count, Checkpoint Reached, bool ShortOfHead)> HandleAllAsync(Checkpoint from, CancellationToken cancellationToken)
    {
        var page = await source.ReadAfterAsync(from, options.PageSize, cancellationToken);
        if (page.Count > 0)
        {
            await subscriber.HandleAsync(page, cancellationToken);
        }

        return (page.Count, page.Count > 0 ? Pipeline.Checkpoint.After(page[^1]) : from, page.ShortOfHead);
    }

    /// <summary>
    /// Reads a page's headers, then the data of the events the subscriber wants, and hands those over (nothing when it
    /// wants none); returns the page's size, the checkpoint after the whole page and whether it fell short of the head.
    /// </summary>
    private async Task<(int Count, Checkpoint Reached, bool ShortOfHead)> HandleSelectedAsync(ISelectiveEventSubscriber selective, Checkpoint from, CancellationToken cancellationToken)
    {
        var headers = await source.ReadHeadersAfterAsync(from, options.PageSize, cancellationToken);
        if (headers.Count == 0)
        {
            return (0, from, headers.ShortOfHead);
        }

        var wanted = await selective.SelectAsync(headers, from, cancellationToken);
        var chosen = headers.Where(wanted).ToList();
        if (chosen.Count > 0)
        {
            await subscriber.HandleAsync(await source.ReadDataAsync(chosen, cancellationToken), cancellationToken);
        }

        return (headers.Count, Pipeline.Checkpoint.After(headers[^1]), headers.ShortOfHead);
    }

    private async Task RecordFailureAsync(Exception failure, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordFailureAsync(subscriber.Name, _failures, $"{failure.GetType().Name}: {failure.Message}", cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Typically the database itself is down; the retry goes ahead and the warning above is the record.
            logger.LogDebug(e, "Could not record the failure of subscriber {Subscriber}", subscriber.Name);
        }
    }
}
