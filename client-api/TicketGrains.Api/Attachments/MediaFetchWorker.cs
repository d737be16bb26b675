using Microsoft.Extensions.Options;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// Fetches queued channel media on every front end: every <see cref="AttachmentOptions.FetchPollInterval"/> it takes
/// the due messages (leased, so no two processes fetch one at once) until none is due, and settles each: done, tried
/// again after <see cref="FetchBackoff"/>, or failed for good with its reason (also on the ticket).
/// </summary>
public sealed class MediaFetchWorker(MediaFetchQueue queue, MediaFetchRun run, IOptions<AttachmentOptions> options, TimeProvider time, ILogger<MediaFetchWorker> logger)
    : BackgroundService
{
    private const int Batch = 8;

    /// <summary>How soon a message that has no ticket yet (the pipeline is behind) is looked at again.</summary>
    private static readonly TimeSpan NotYetDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FetchPollInterval, time);
        do
        {
            try
            {
                while (await PassAsync(stoppingToken) == Batch)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database or the cluster is away: leases run out and the rows are taken again.
                logger.LogWarning("Media fetch pass failed: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var taken = await queue.TakeAsync(Batch, options.Value.FetchLease, time.GetUtcNow(), cancellationToken);
        await Task.WhenAll(taken.Select(f => SettleAsync(f, cancellationToken)));
        return taken.Count;
    }

    private async Task SettleAsync(MediaFetch fetch, CancellationToken cancellationToken)
    {
        MediaFetchOutcome outcome;
        try
        {
            outcome = await run.RunAsync(fetch, options.Value.FetchAttempts, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = new MediaFetchOutcome.Retry($"{e.GetType().Name}: {e.Message}", Counts: true);
        }

        var now = time.GetUtcNow();
        switch (outcome)
        {
            case MediaFetchOutcome.Done:
                await queue.FinishAsync(fetch, MediaFetchQueue.Done, null, now, cancellationToken);
                break;
            case MediaFetchOutcome.Failed failed:
                logger.LogInformation("Media of {Stream} not stored: {Reason}", fetch.StreamId, failed.Reason);
                await queue.FinishAsync(fetch, MediaFetchQueue.Failed, failed.Reason, now, cancellationToken);
                break;
            case MediaFetchOutcome.Retry retry:
                var wait = retry.Counts ? FetchBackoff.After(fetch.Attempts) : NotYetDelay;
                await queue.RetryAsync(fetch, now + wait, retry.Reason, retry.Counts, now, cancellationToken);
                break;
        }
    }
}
