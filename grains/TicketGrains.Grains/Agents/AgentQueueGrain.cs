using Orleans.Concurrency;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.ReadModel;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// Tickets waiting for one queue, in the queue's order. Reentrant so that enqueues reach it while agents long-poll; all
/// state changes happen on the grain's own turn, and each ticket is handed to exactly one taker. The in-memory queue is
/// rebuilt from the read model on activation and re-synced when it runs dry, so an enqueue lost with a dead silo is
/// picked up again. A taken ticket whose claim is never confirmed comes back after <see cref="TakenLease"/>. Once a
/// second it returns lapsed takes, moves tickets past their overflow time, serves waiting takers a ticket that widened
/// to them, and (a push queue) offers tickets to its agents (<see cref="QueuePusher"/>).
/// </summary>
[Reentrant]
public sealed class AgentQueueGrain(
    [PersistentState("queue", "Default")] IPersistentState<QueueSettings> settings,
    ITicketReadModel readModel,
    TimeProvider time) : Grain, IAgentQueueGrain
{
    private const int RebuildLimit = 10_000;
    private static readonly TimeSpan ResyncInterval = TimeSpan.FromSeconds(2);

    /// <summary>Longer than a claim can take (the grain call timeout is 10 s), so only a failed or lost claim outlives it.</summary>
    internal static readonly TimeSpan TakenLease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Waiting tickets kept in memory ahead of the pulls (<see cref="WarmAhead"/>): a few seconds of a busy queue's
    /// pulls, so a take finds its ticket awake, at the memory cost of a handful of tickets per queue.
    /// </summary>
    private const int WarmDepth = 8;

    private readonly LinkedList<(Taker Taker, TaskCompletionSource<QueuedTicket?> Result)> _waiters = new();
    private readonly TakenTickets _taken = new(TakenLease);
    private readonly WarmAhead _warm = new(WarmDepth);
    private readonly TicketVersions _versions = new();
    private TicketQueue _queue = new();
    private QueuePusher _pusher = null!;
    private string _tenant = "";
    private string _name = "";
    private DateTimeOffset _lastSync;
    private Task _lastWrite = Task.CompletedTask;

    private QueueDefinition Definition { get; set; } = QueueDefinition.Default;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenant, _name) = GrainKeys.Split(this.GetPrimaryKeyString());
        Definition = settings.State.Definition();
        _queue = new TicketQueue(QueueOrder.For(Definition.Order));
        _pusher = new QueuePusher(_queue, _taken, time, id => GrainFactory.Reference<IAgentGrain>(GrainKeys.For(_tenant, id)));
        // Takers waiting on an empty queue call nothing, so lapsed takes, overflow and widening must also happen on their own.
        this.RegisterGrainTimer(OnTickAsync, Tick, Tick);
        await ResyncAsync();
        if (Definition.Strategy == QueueDefinition.Push)
        {
            foreach (var agent in settings.State.Members)
            {
                GrainFactory.Reference<IAgentGrain>(GrainKeys.For(_tenant, agent)).ReportToAsync(_name).Ignore();
            }
        }
    }

    public Task EnqueueAsync(QueuedTicket ticket)
    {
        if (!_versions.Admit(ticket.TicketId, ticket.Version, time.GetUtcNow()))
        {
            return Task.CompletedTask;
        }

        _taken.Settle(ticket.TicketId);
        _queue.Remove(ticket.TicketId);
        Offer(ticket);
        return _pusher.PushAsync(Definition);
    }

    public Task RemoveAsync(Guid ticketId, int version)
    {
        if (!_versions.Admit(ticketId, version, time.GetUtcNow()))
        {
            return Task.CompletedTask;
        }

        _taken.Settle(ticketId);
        _queue.Remove(ticketId);
        return Task.CompletedTask;
    }

    public Task GiveUpTakeAsync(string agentId)
    {
        for (var node = _waiters.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Taker.AgentId == agentId)
            {
                node.Value.Result.TrySetResult(null);
                _waiters.Remove(node);
            }

            node = next;
        }

        foreach (var ticket in _taken.SettleHeldBy(agentId))
        {
            Offer(ticket);
        }

        return Task.CompletedTask;
    }

    public Task<int> CountAsync() => Task.FromResult(_queue.Count);

    public Task<QueueStatus> StatusAsync() =>
        Task.FromResult(new QueueStatus(_name, _queue.Count, _taken.Count, _waiters.Count(w => !w.Result.Task.IsCompleted)));

    public async Task<QueueDefinition> DefineAsync(QueueDefinition definition)
    {
        QueueDefinitionRules.Check(_name, definition);
        Definition = definition with { Name = _name };
        settings.State.Define(Definition);
        await WriteAsync();
        _queue.Reorder(QueueOrder.For(Definition.Order));
        await _pusher.PushAsync(Definition);
        return Definition;
    }

    public Task<QueueDefinition> GetDefinitionAsync() => Task.FromResult(Definition with { Name = _name });

    public async Task SetMemberAsync(string agentId, bool serves)
    {
        if (serves ? settings.State.Members.Add(agentId) : settings.State.Members.Remove(agentId))
        {
            await WriteAsync();
        }

        if (!serves)
        {
            _pusher.Forget(agentId);
        }
    }

    public Task ReportAgentAsync(AgentStatus status)
    {
        if (settings.State.Members.Contains(status.AgentId))
        {
            _pusher.Update(status);
        }

        return _pusher.PushAsync(Definition);
    }

    public async Task<QueuedTicket?> TakeAsync(Taker taker, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ReturnLapsedTakes();
        if (_queue.Count == 0 && time.GetUtcNow() - _lastSync > ResyncInterval)
        {
            await ResyncAsync();
        }

        if (_queue.TakeFirst(t => Fits(t, taker)) is { } first)
        {
            _taken.Take(first, time.GetUtcNow(), taker.AgentId);
            WarmTheFront();
            return first;
        }

        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var waiter = new TaskCompletionSource<QueuedTicket?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var node = _waiters.AddLast((taker, waiter));
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

    /// <summary>
    /// Writes the settings after any write still under way: the grain is reentrant, and two writes in flight at once
    /// would carry the same ETag, so the second would fail. Each writes the state as it is when its turn comes.
    /// </summary>
    private Task WriteAsync() => _lastWrite = WriteAfterAsync(_lastWrite);

    private async Task WriteAfterAsync(Task previous)
    {
        await previous.ContinueWith(_ => { }, TaskScheduler.Current);
        await settings.WriteStateAsync();
    }

    private bool Fits(QueuedTicket ticket, Taker taker) => QueueMatch.Fits(ticket, taker, Definition, time.GetUtcNow());

    /// <summary>Hands the ticket to the longest-waiting taker it fits, or queues it at its place.</summary>
    private void Offer(QueuedTicket ticket)
    {
        for (var node = _waiters.First; node is not null; node = node.Next)
        {
            if (Fits(ticket, node.Value.Taker) && node.Value.Result.TrySetResult(ticket))
            {
                _waiters.Remove(node);
                _taken.Take(ticket, time.GetUtcNow(), node.Value.Taker.AgentId);
                return;
            }
        }

        _queue.Add(ticket);
    }

    private async Task OnTickAsync()
    {
        ReturnLapsedTakes();
        ServeWaiters();
        await OverflowAsync();
        await _pusher.PushAsync(Definition);
    }

    /// <summary>
    /// Wakes the grains of tickets that just moved to the front, without waiting for them. Only after a take: a queue
    /// nobody pulls from keeps its tickets asleep (their SLA deadlines are the tenant sweep's to find, not each
    /// ticket's own timer's).
    /// </summary>
    private void WarmTheFront()
    {
        foreach (var ticketId in _warm.Newcomers(_queue.InOrder))
        {
            GrainFactory.Reference<ITicketGrain>(GrainKeys.For(_tenant, ticketId)).WarmAsync().Ignore();
        }
    }

    /// <summary>Waiting takers get a ticket that came to fit them while they waited (its skills widened).</summary>
    private void ServeWaiters()
    {
        for (var node = _waiters.First; node is not null && _queue.Count > 0; node = node.Next)
        {
            var (taker, result) = node.Value;
            if (!result.Task.IsCompleted && _queue.TakeFirst(t => Fits(t, taker)) is { } ticket)
            {
                result.TrySetResult(ticket);
                _taken.Take(ticket, time.GetUtcNow(), taker.AgentId);
            }
        }
    }

    /// <summary>Moves tickets that waited past the overflow time; each ticket's log decides whether it still waited here.</summary>
    private async Task OverflowAsync()
    {
        if (Definition is not { OverflowQueue: { } target, OverflowAfterSeconds: { } seconds })
        {
            return;
        }

        var due = time.GetUtcNow() - TimeSpan.FromSeconds(seconds);
        foreach (var ticket in _queue.InOrder.Where(t => t.EnqueuedAt <= due).ToList())
        {
            _queue.Remove(ticket.TicketId);
            _taken.Take(ticket, time.GetUtcNow());
            await GrainFactory.Reference<ITicketGrain>(GrainKeys.For(_tenant, ticket.TicketId)).OverflowAsync(_name, target);
        }
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
            // A row read before a newer message was heard (the read model lags the ticket's log) is not brought back.
            if (!_taken.Contains(ticket.TicketId) && _versions.IsCurrent(ticket.TicketId, ticket.Version))
            {
                _queue.Add(ticket);
            }
        }
    }
}
