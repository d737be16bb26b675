using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>One agent, keyed "tenant/agentId": the queues it serves and the tickets it pulls.</summary>
[Alias("TicketGrains.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Sets the queues the agent pulls from, in order.</summary>
    [Alias("SetQueues")]
    Task<AgentProfile> SetQueuesAsync(IReadOnlyList<string> queues);

    /// <summary>Returns the agent's profile.</summary>
    [Alias("GetProfile")]
    Task<AgentProfile> GetProfileAsync();

    /// <summary>
    /// Claims the next ticket for this agent, waiting up to the given time; null if none came or the caller cancelled.
    /// The claim must be acknowledged (accept, read, reply) before its AcceptBy or the ticket goes back to its queue.
    /// </summary>
    [Alias("Next")]
    Task<TicketView?> NextAsync(TimeSpan wait, CancellationToken cancellationToken = default);
}
