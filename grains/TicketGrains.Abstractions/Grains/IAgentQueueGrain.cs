using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>Tickets waiting for one skill group, keyed "tenant/queueName", with the queue's definition.</summary>
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

    /// <summary>
    /// Removes a ticket that was assigned, closed or moved elsewhere; <paramref name="version"/> is the ticket's log
    /// version after that change (0: unknown), so a remove that arrives after a later enqueue is ignored.
    /// </summary>
    [Alias("Remove")]
    [OneWay]
    Task RemoveAsync(Guid ticketId, int version);

    /// <summary>Takes the first ticket in order the taker may have, waiting up to the given time when there is none; null on timeout.</summary>
    [Alias("Take")]
    Task<QueuedTicket?> TakeAsync(Taker taker, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>
    /// The agent stopped waiting for its takes here (its pull ended with a take still open). A take of the agent still
    /// waiting ends with nothing, and a ticket already handed to one of its takes but not claimed goes back in at its
    /// place: a caller's cancellation and a new ticket travel separately, so a ticket can reach a take whose caller
    /// already left, and without this it would wait out the whole hand-out lease.
    /// </summary>
    [Alias("GiveUpTake")]
    Task GiveUpTakeAsync(string agentId);

    /// <summary>Number of waiting tickets.</summary>
    [Alias("Count")]
    Task<int> CountAsync();

    /// <summary>The queue right now: waiting tickets, unsettled hand-outs, agents long-polling it.</summary>
    [Alias("Status")]
    Task<QueueStatus> StatusAsync();

    /// <summary>Replaces the queue's definition (order, skills, overflow, strategy); it applies to the tickets already waiting.</summary>
    [Alias("Define")]
    Task<QueueDefinition> DefineAsync(QueueDefinition definition);

    /// <summary>The queue's definition; the default one when it was never defined.</summary>
    [Alias("GetDefinition")]
    Task<QueueDefinition> GetDefinitionAsync();

    /// <summary>The agent serves (or stopped serving) this queue; a push queue offers tickets to those who serve it.</summary>
    [Alias("SetMember")]
    Task SetMemberAsync(string agentId, bool serves);

    /// <summary>An agent serving this queue reports its presence, skills and room (push queues keep it to choose whom to offer).</summary>
    [Alias("ReportAgent")]
    [OneWay]
    Task ReportAgentAsync(AgentStatus status);
}
