using Microsoft.Extensions.Logging;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// One step of a subscriber's loop: read the page after its checkpoint, hand it over, store the new checkpoint.
/// The checkpoint moves only after the handler returned, so a crash or a failure repeats the page, never skips it.
/// The caller runs steps one at a time and waits the returned delay in between.
/// </summary>
public sealed class SubscriberPump(
    IEventSubscriber subscriber,
    ICommittedEventSource source,
    ISubscriptionStore store,
    PipelineOptions options,
    ILogger logger)
{
    private readonly PumpSchedule _schedule = new(options);
    private Checkpoint? _checkpoint;
    private int _failures;

    /// <summary>
    /// When to read again after commits woke the subscriber during a step that started <paramref name="sincePageStarted"/>
    /// ago and asked for <paramref name="stepDelay"/>: a failing subscriber keeps its back-off (new commits do not make
    /// its handler work), a full page is followed at once, anything else after the gather interval.
    /// </summary>
    public TimeSpan AfterWake(TimeSpan sincePageStarted, TimeSpan stepDelay) =>
        _failures > 0 || stepDelay == TimeSpan.Zero ? stepDelay : _schedule.AfterWake(sincePageStarted);

    /// <summary>The last event handled, once the stored checkpoint has been loaded.</summary>
    public Checkpoint? Checkpoint => _checkpoint;

    /// <summary>Runs one step; returns how long to wait before the next.</summary>
    public async Task<TimeSpan> PumpOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var from = _checkpoint ??= await store.OpenAsync(subscriber.Name, subscriber.StartFrom, cancellationToken);
            var (count, reached) = subscriber is ISelectiveEventSubscriber selective
                ? await HandleSelectedAsync(selective, from, cancellationToken)
                : await HandleAllAsync(from, cancellationToken);
            if (count > 0 || _failures > 0)
            {
                // Also after a recovery with nothing new to hand over: that clears the stored failure count.
                await store.SaveAsync(subscriber.Name, reached, cancellationToken);
                _checkpoint = reached;
            }

            _failures = 0;
            return _schedule.AfterPage(count);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _failures++;
            var delay = _schedule.AfterFailure(_failures);
            logger.LogWarning(e, "Subscriber {Subscriber} failed after {Checkpoint} ({Attempts} in a row); retrying in {Delay}",
                subscriber.Name, _checkpoint, _failures, delay);
            await RecordFailureAsync(e, cancellationToken);
            return delay;
        }
    }

    /// <summary>Reads a page and hands it over whole; returns its size and the checkpoint after it.</summary>
    private async Task<(int Count, Checkpoint Reached)> HandleAllAsync(Checkpoint from, CancellationToken cancellationToken)
    {
        var page = await source.ReadAfterAsync(from, options.PageSize, cancellationToken);
        if (page.Count > 0)
        {
            await subscriber.HandleAsync(page, cancellationToken);
        }

        return (page.Count, page.Count > 0 ? Pipeline.Checkpoint.After(page[^1]) : from);
    }

    /// <summary>
    /// Reads a page's headers, then the data of the events the subscriber wants, and hands those over (nothing when it
    /// wants none); returns the page's size and the checkpoint after the whole page.
    /// </summary>
    private async Task<(int Count, Checkpoint Reached)> HandleSelectedAsync(ISelectiveEventSubscriber selective, Checkpoint from, CancellationToken cancellationToken)
    {
        var headers = await source.ReadHeadersAfterAsync(from, options.PageSize, cancellationToken);
        if (headers.Count == 0)
        {
            return (0, from);
        }

        var wanted = await selective.SelectAsync(headers, cancellationToken);
        var chosen = headers.Where(wanted).ToList();
        if (chosen.Count > 0)
        {
            await subscriber.HandleAsync(await source.ReadDataAsync(chosen, cancellationToken), cancellationToken);
        }

        return (headers.Count, Pipeline.Checkpoint.After(headers[^1]));
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
