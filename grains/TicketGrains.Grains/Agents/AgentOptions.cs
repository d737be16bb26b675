using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Agents;

/// <summary>Hand-out of tickets to agents (section "Agents").</summary>
public sealed class AgentOptions : IValidatableOptions
{
    public const string Section = "Agents";

    private static readonly TimeSpan ShortestAckTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestAckTimeout = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a pulled ticket stays with an agent who has not acknowledged it (accept, first read, a message or
    /// status change of theirs) before it goes back to the head of its queue.
    /// </summary>
    public TimeSpan ClaimAckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an online agent may do nothing (pull, accept, decline, change presence) before it counts as away.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<string> Problems(string section)
    {
        if (IdleTimeout < ShortestAckTimeout || IdleTimeout > TimeSpan.FromDays(1))
        {
            yield return $"{section}:IdleTimeout must be from {ShortestAckTimeout:c} to 1.00:00:00, not {IdleTimeout}.";
        }

        if (ClaimAckTimeout < ShortestAckTimeout || ClaimAckTimeout > LongestAckTimeout)
        {
            yield return $"{section}:ClaimAckTimeout must be from {ShortestAckTimeout:c} to {LongestAckTimeout:c}, not {ClaimAckTimeout}.";
        }
    }
}
