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

    /// <summary>The last event handled, once the stored checkpoint has been loaded.</summary>
    public Checkpoint? Checkpoint => _checkpoint;

    /// <summary>Runs one step; returns how long to wait before the next.</summary>
    public async Task<TimeSpan> PumpOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var from = _checkpoint ??= await store.OpenAsync(subscriber.Name, subscriber.StartFrom, cancellationToken);
            var page = await source.ReadAfterAsync(from, options.PageSize, cancellationToken);
            if (page.Count > 0)
            {
                await subscriber.HandleAsync(page, cancellationToken);
                var reached = Pipeline.Checkpoint.After(page[^1]);
                await store.SaveAsync(subscriber.Name, reached, cancellationToken);
                _checkpoint = reached;
            }
            else if (_failures > 0)
            {
                // Recovered with nothing new to hand over: clear the stored failure count all the same.
                await store.SaveAsync(subscriber.Name, from, cancellationToken);
            }

            _failures = 0;
            return _schedule.AfterPage(page.Count);
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
