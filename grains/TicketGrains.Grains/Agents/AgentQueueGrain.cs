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
/// so an enqueue lost with a dead silo is picked up again.
/// </summary>
[Reentrant]
public sealed class AgentQueueGrain(ITicketReadModel readModel, TimeProvider time) : Grain, IAgentQueueGrain
{
    private const int RebuildLimit = 10_000;
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TakenMemory = TimeSpan.FromSeconds(30);

    private readonly TicketQueue _queue = new();
    private readonly LinkedList<TaskCompletionSource<QueuedTicket?>> _waiters = new();
    private readonly Dictionary<Guid, DateTimeOffset> _recentlyTaken = [];
    private string _tenant = "";
    private string _name = "";
    private DateTimeOffset _lastSync;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _name) = GrainKeys.Split(this.GetPrimaryKeyString());
        await ResyncAsync();
    }

    public Task EnqueueAsync(QueuedTicket ticket)
    {
        _recentlyTaken.Remove(ticket.TicketId);
        if (_queue.Contains(ticket.TicketId))
        {
            return Task.CompletedTask;
        }

        while (_waiters.First is { } waiter)
        {
            _waiters.RemoveFirst();
            if (waiter.Value.TrySetResult(ticket))
            {
                _recentlyTaken[ticket.TicketId] = time.GetUtcNow();
                return Task.CompletedTask;
            }
        }

        _queue.Add(ticket);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(Guid ticketId)
    {
        _queue.Remove(ticketId);
        return Task.CompletedTask;
    }

    public Task<int> CountAsync() => Task.FromResult(_queue.Count);

    public async Task<QueuedTicket?> TakeAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        if (_queue.Count == 0 && time.GetUtcNow() - _lastSync > ResyncInterval)
        {
            await ResyncAsync();
        }

        if (_queue.TakeHead() is { } head)
        {
            _recentlyTaken[head.TicketId] = time.GetUtcNow();
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
                _recentlyTaken.Remove(result.TicketId);
                _queue.Add(result);
                return null;
            }

            return result;
        }
    }

    private async Task ResyncAsync()
    {
        _lastSync = time.GetUtcNow();
        foreach (var stale in _recentlyTaken.Where(kv => _lastSync - kv.Value > TakenMemory).Select(kv => kv.Key).ToList())
        {
            _recentlyTaken.Remove(stale);
        }

        foreach (var ticket in await readModel.WaitingInQueueAsync(_tenant, _name, RebuildLimit))
        {
            if (!_recentlyTaken.ContainsKey(ticket.TicketId))
            {
                _queue.Add(ticket);
            }
        }
    }
}
