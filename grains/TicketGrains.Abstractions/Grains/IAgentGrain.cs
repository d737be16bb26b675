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

    /// <summary>Hands out the next ticket to this agent, waiting up to the given time; null if none came.</summary>
    [Alias("Next")]
    Task<TicketView?> NextAsync(TimeSpan wait);
}
