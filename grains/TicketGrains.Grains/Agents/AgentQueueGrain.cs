using Orleans.Concurrency;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Tickets waiting for one queue. Reentrant so that enqueues reach it while agents long-poll; all
/// state changes happen on the grain's own turn, and each ticket is handed to exactly one taker.
/// The in-memory queue is rebuilt from the read model on activation and re-synced when it runs dry,
/// so an enqueue lost with a dead silo is picked up again. A taken ticket whose claim is never
/// confirmed comes back after <see cref="TakenLease"/>.
/// </summary>
[Reentrant]
public sealed class AgentQueueGrain(ITicketReadModel readModel, TimeProvider time) : Grain, IAgentQueueGrain
{
    private const int RebuildLimit = 10_000;
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(2);

    /// <summary>Longer than a claim can take (the grain call timeout is 10 s), so only a failed or lost claim outlives it.</summary>
    internal static readonly TimeSpan TakenLease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan LeaseCheck = TimeSpan.FromSeconds(5);

    private readonly TicketQueue _queue = new();
    private readonly LinkedList<TaskCompletionSource<QueuedTicket?>> _waiters = new();
    private readonly TakenTickets _taken = new(TakenLease);
    private string _tenant = "";
    private string _name = "";
    private DateTimeOffset _lastSync;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _name) = GrainKeys.Split(this.GetPrimaryKeyString());
        // Takers waiting on an empty queue call nothing, so a lapsed take must also come back on its own.
        this.RegisterGrainTimer(() => { ReturnLapsedTakes(); return Task.CompletedTask; }, LeaseCheck, LeaseCheck);
        await ResyncAsync();
    }

    public Task EnqueueAsync(QueuedTicket ticket)
    {
        _taken.Settle(ticket.TicketId);
        if (!_queue.Contains(ticket.TicketId))
        {
            Offer(ticket);
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid ticketId)
    {
        _taken.Settle(ticketId);
        _queue.Remove(ticketId);
        return Task.CompletedTask;
    }

    public Task<int> CountAsync() => Task.FromResult(_queue.Count);

    public async Task<QueuedTicket?> TakeAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ReturnLapsedTakes();
        if (_queue.Count == 0 && time.GetUtcNow() - _lastSync > ResyncInterval)
        {
            await ResyncAsync();
        }

        if (_queue.TakeHead() is { } head)
        {
            _taken.Take(head, time.GetUtcNow());
            return head;
        }

        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var waiter = new TaskCompletionSource<QueuedTicket?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = _waiters.AddLast(waiter);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        await using (timeout.Token.Register(() => waiter.TrySetResult(null)))
        {
            var result = await waiter.Task;
            if (node.List is not null)
            {
                _waiters.Remove(node);
            }

            if (result is not null && cancellationToken.IsCancellationRequested)
            {
                // The caller gave up as the ticket arrived: keep it rather than hand it to nobody.
                _taken.Settle(result.TicketId);
                _queue.Add(result);
                return null;
            }

            return result;
        }
    }

    /// <summary>Hands the ticket to the longest-waiting taker, or queues it at its place (priority, then arrival).</summary>
    private void Offer(QueuedTicket ticket)
    {
        while (_waiters.First is { } waiter)
        {
            _waiters.RemoveFirst();
            if (waiter.Value.TrySetResult(ticket))
            {
                _taken.Take(ticket, time.GetUtcNow());
                return;
            }
        }

        _queue.Add(ticket);
    }

    private void ReturnLapsedTakes()
    {
        foreach (var ticket in _taken.Expire(time.GetUtcNow()))
        {
            Offer(ticket);
        }
    }

    private async Task ResyncAsync()
    {
        _lastSync = time.GetUtcNow();
        foreach (var ticket in await readModel.WaitingInQueueAsync(_tenant, _name, RebuildLimit))
        {
            if (!_taken.Contains(ticket.TicketId))
            {
                _queue.Add(ticket);
            }
        }
    }
}
