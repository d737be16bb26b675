using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// One pull by an agent: the first ticket it fits from the first of its queues that has one, else a long-poll on all
/// of them at once, until a ticket is claimed (<paramref name="claim"/>: the ticket's log decides) or the wait ends.
/// </summary>
public sealed class QueuePull(
    IReadOnlyList<IAgentQueueGrain> queues, Taker taker, Func<QueuedTicket, Task<TicketView?>> claim, TimeProvider time)
{
    public async Task<TicketView?> RunAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var queue in queues)
            {
                if (await TakeFromAsync(queue) is { } ready)
                {
                    return ready;
                }
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            if (await WaitOnAllAsync(remaining, cancellationToken) is { } arrived)
            {
                return arrived;
            }
        }

        return null;
    }

    /// <summary>Takes from one queue until a ticket is claimed or the queue has nothing for us.</summary>
    private async Task<TicketView?> TakeFromAsync(IAgentQueueGrain queue)
    {
        while (await queue.TakeAsync(taker, TimeSpan.Zero) is { } queued)
        {
            if (await claim(queued) is { } claimed)
            {
                return claimed;
            }
        }

        return null;
    }

    /// <summary>
    /// Long-polls every queue at once; the first ticket wins and any later arrival goes back. However this ends (a
    /// claim, the caller leaving, a claim that failed), the takes still pending are cancelled and what they took is
    /// given back, so no ticket stays taken by a pull that is over.
    /// </summary>
    private async Task<TicketView?> WaitOnAllAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = queues.Select(queue => (Queue: queue, Task: queue.TakeAsync(taker, wait, stop.Token))).ToList();
        try
        {
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending.Select(p => p.Task));
                var entry = pending.First(p => p.Task == done);
                pending.Remove(entry);
                if ((done.IsCanceled ? null : await done) is not { } queued)
                {
                    continue;
                }

                if (await claim(queued) is { } claimed)
                {
                    return claimed;
                }
            }

            return null;
        }
        finally
        {
            await stop.CancelAsync();
            await GiveBackAsync(pending);
        }
    }

    private async Task GiveBackAsync(IEnumerable<(IAgentQueueGrain Queue, Task<QueuedTicket?> Task)> takes)
    {
        foreach (var (queue, take) in takes)
        {
            try
            {
                if (await TakenOrUnknownAsync(take) is { } queued)
                {
                    await queue.EnqueueAsync(queued);
                }
                else if (!take.IsCompletedSuccessfully)
                {
                    // Cancelled here at once, while the queue may still hand this take a ticket nobody will claim.
                    await queue.GiveUpTakeAsync(taker.AgentId);
                }
            }
            catch (Exception)
            {
                // The queue is unreachable: a take it did hand out comes back after its lease, and the failure that ended
                // the pull is the one the caller must see.
            }
        }
    }

    /// <summary>What the take handed over; null when it handed nothing or its outcome is unknown (cancelled, failed).</summary>
    private static async Task<QueuedTicket?> TakenOrUnknownAsync(Task<QueuedTicket?> take)
    {
        try
        {
            return await take;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
