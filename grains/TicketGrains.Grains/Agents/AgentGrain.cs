using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// One agent. Pulling takes the head of the first non-empty queue and claims that ticket; the
/// ticket's own optimistic append decides, so a ticket never goes to two agents. A claim holds only
/// once the agent acknowledges it (see <see cref="TicketGrains.Grains.Tickets.ClaimDecisions"/>).
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", "Default")] IPersistentState<AgentSettings> settings,
    TimeProvider time) : Grain, IAgentGrain
{
    public const int MaxQueues = 20;

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string AgentId => GrainKeys.Split(this.GetPrimaryKeyString()).LocalId;

    private IReadOnlyList<string> Queues => settings.State.Queues.Count > 0 ? settings.State.Queues : BuiltInRouting.AllQueues;

    public async Task<AgentProfile> SetQueuesAsync(IReadOnlyList<string> queues)
    {
        if (queues.Count > MaxQueues)
        {
            throw new InvalidFieldException("queues", $"An agent serves at most {MaxQueues} queues.");
        }

        if (queues.FirstOrDefault(q => !AgentIds.IsValid(q)) is { } bad)
        {
            throw new InvalidFieldException("queues", $"'{bad}' is not a valid queue name.");
        }

        settings.State.Queues = queues.Distinct(StringComparer.Ordinal).ToList();
        await settings.WriteStateAsync();
        return new AgentProfile(AgentId, Queues);
    }

    public Task<AgentProfile> GetProfileAsync() => Task.FromResult(new AgentProfile(AgentId, Queues));

    public async Task<TicketView?> NextAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var claimed = await PullAsync(wait, cancellationToken);
        if (claimed is not null && cancellationToken.IsCancellationRequested)
        {
            // The caller left while the claim was being made: put the ticket back now rather than at the claim's deadline.
            await Ticket(claimed.Id).ReturnClaimAsync(AgentId);
            return null;
        }

        return claimed;
    }

    private async Task<TicketView?> PullAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + wait;
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var name in Queues)
            {
                if (await TakeFromAsync(Queue(name)) is { } ready)
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
        while (await queue.TakeAsync(AgentId, TimeSpan.Zero) is { } queued)
        {
            if (await ClaimAsync(queued) is { } claimed)
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
        var pending = Queues.Select(name => (Queue: Queue(name), Task: Queue(name).TakeAsync(AgentId, wait, stop.Token))).ToList();
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

                if (await ClaimAsync(queued) is { } claimed)
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

    private static async Task GiveBackAsync(IEnumerable<(IAgentQueueGrain Queue, Task<QueuedTicket?> Task)> takes)
    {
        foreach (var (queue, take) in takes)
        {
            try
            {
                if (await take is { } queued)
                {
                    await queue.EnqueueAsync(queued);
                }
            }
            catch (Exception)
            {
                // Cancelled before anything was taken, or the queue is unreachable: a take it did hand out comes back after
                // its lease, and the failure that ended the pull is the one the caller must see.
            }
        }
    }

    private Task<TicketView?> ClaimAsync(QueuedTicket queued) => Ticket(queued.TicketId).ClaimAsync(AgentId);

    private ITicketGrain Ticket(Guid id) => GrainFactory.Reference<ITicketGrain>(GrainKeys.For(Tenant, id));

    private IAgentQueueGrain Queue(string name) => GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, name));
}
