using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// One agent. Pulling takes the head of the first non-empty queue and claims that ticket; the
/// ticket's own optimistic append decides, so a ticket never goes to two agents.
/// </summary>
public sealed class AgentGrain(
    [PersistentState("agent", "Default")] IPersistentState<AgentSettings> settings,
    TimeProvider time) : Grain, IAgentGrain
{
    public const int MaxQueues = 20;

    private string Tenant => GrainKeys.Split(this.GetPrimaryKeyString()).TenantId;

    private string AgentId => GrainKeys.Split(this.GetPrimaryKeyString()).LocalId;

    private IReadOnlyList<string> Queues => settings.State.Queues.Count > 0 ? settings.State.Queues : QueueSelector.AllQueues;

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

    public async Task<TicketView?> NextAsync(TimeSpan wait)
    {
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            foreach (var name in Queues)
            {
                if (await TakeFromAsync(Queue(name), TimeSpan.Zero, CancellationToken.None) is { } ready)
                {
                    return ready;
                }
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            if (await WaitOnAllAsync(remaining) is { } arrived)
            {
                return arrived;
            }
        }
    }

    /// <summary>Takes from one queue until a ticket is claimed or the queue has nothing for us.</summary>
    private async Task<TicketView?> TakeFromAsync(IAgentQueueGrain queue, TimeSpan wait, CancellationToken cancellationToken)
    {
        while (await queue.TakeAsync(AgentId, wait, cancellationToken) is { } queued)
        {
            if (await ClaimAsync(queued) is { } claimed)
            {
                return claimed;
            }

            wait = TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Long-polls every queue at once; the first ticket wins and any later arrival goes back.</summary>
    private async Task<TicketView?> WaitOnAllAsync(TimeSpan wait)
    {
        using var stop = new CancellationTokenSource();
        var pending = Queues.Select(name => (Queue: Queue(name), Task: Queue(name).TakeAsync(AgentId, wait, stop.Token))).ToList();
        TicketView? result = null;
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending.Select(p => p.Task));
            var entry = pending.First(p => p.Task == done);
            pending.Remove(entry);
            if ((done.IsCanceled ? null : await done) is not { } queued)
            {
                continue;
            }

            if (result is not null)
            {
                await entry.Queue.EnqueueAsync(queued);
                continue;
            }

            result = await ClaimAsync(queued);
            if (result is not null)
            {
                await stop.CancelAsync();
            }
        }

        return result;
    }

    private Task<TicketView?> ClaimAsync(QueuedTicket queued) =>
        GrainFactory.Reference<ITicketGrain>(GrainKeys.For(Tenant, queued.TicketId)).ClaimAsync(AgentId);

    private IAgentQueueGrain Queue(string name) => GrainFactory.Reference<IAgentQueueGrain>(GrainKeys.For(Tenant, name));
}
