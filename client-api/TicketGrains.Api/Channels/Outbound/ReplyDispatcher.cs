using Microsoft.Extensions.Options;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// On every silo: takes the replies whose attempt is due from the outbox under a lease (so one process sends each at a
/// time), attempts them and records each outcome through <see cref="ReplyDelivery"/>. It looks every
/// <see cref="ReplyOptions.PollInterval"/> (retries, replies left by a dead silo) and at once when the pipeline queued new ones.
/// </summary>
public sealed class ReplyDispatcher(
    ReplyStore store, ReplySending sending, ReplyOutcomes outcomes, IOptions<ReplyOptions> options, TimeProvider time, ILogger<ReplyDispatcher> logger)
    : BackgroundService
{
    /// <summary>Replies taken per round.</summary>
    private const int Batch = 16;

    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>New replies are queued: look now rather than at the next poll.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; the next round sees them all.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try
            {
                taken = await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sending due replies failed; trying again in {Interval}", options.Value.PollInterval);
            }

            // After a round that took replies, look again at once: a ticket's next reply may have become due behind them.
            if (taken == 0)
            {
                await ((Task)_wake.WaitAsync(options.Value.PollInterval, stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private async Task<int> RoundAsync(CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        var lease = Guid.NewGuid();
        var due = await store.TakeDueAsync(now, lease, now + options.Value.Lease, Batch, stopping);
        await Task.WhenAll(due.Select(reply => AttemptAsync(reply, lease, stopping)));
        return due.Count;
    }

    private async Task AttemptAsync(QueuedReply reply, Guid lease, CancellationToken stopping)
    {
        SendOutcome outcome;
        try
        {
            outcome = await sending.AttemptAsync(reply, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo stops mid-attempt: the reply goes back now rather than when the lease runs out. Whether the
            // platform got it is unknown either way; the next attempt repeats it.
            await store.ReleaseAsync(reply, lease).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            // The log or the key store could not be read (the database is down): a later attempt may succeed.
            outcome = SendOutcome.Failed($"the reply could not be read: {e.Message}", true);
        }

        var after = reply.Delivery.After(outcome, time.GetUtcNow(), options.Value);
        if (!await store.RecordAsync(reply, lease, after, time.GetUtcNow()))
        {
            logger.LogWarning("Reply {Message} of ticket {Ticket} was taken by another process before its outcome ({State}) was recorded",
                reply.MessageId, reply.TicketId, after.State);
            return;
        }

        logger.LogInformation("Reply {Message} of ticket {Ticket}: {State} after {Attempts} attempt(s){Reason}",
            reply.MessageId, reply.TicketId, after.State, after.Attempts, after.Reason is null ? "" : $" ({after.Reason})");
        if (after.State != reply.Delivery.State)
        {
            await outcomes.RecordAsync(reply, after);
        }
    }
}
