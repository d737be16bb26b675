using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>Tickets waiting for one skill group, keyed "tenant/queueName".</summary>
[Alias("TicketGrains.IAgentQueueGrain")]
public interface IAgentQueueGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the ticket (idempotent: a ticket is in a queue at most once). One-way: the queue is rebuilt
    /// from the read model when it activates, so a lost message costs nothing durable and creation
    /// need not wait for a reply.
    /// </summary>
    [Alias("Enqueue")]
    [OneWay]
    Task EnqueueAsync(QueuedTicket ticket);

    /// <summary>Removes a ticket that was assigned, closed or moved elsewhere.</summary>
    [Alias("Remove")]
    [OneWay]
    Task RemoveAsync(Guid ticketId);

    /// <summary>Takes the head ticket for one agent, waiting up to the given time when empty; null on timeout.</summary>
    [Alias("Take")]
    Task<QueuedTicket?> TakeAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>Number of waiting tickets.</summary>
    [Alias("Count")]
    Task<int> CountAsync();
}
