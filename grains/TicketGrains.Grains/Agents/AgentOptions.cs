namespace TicketGrains.Grains.Agents;

/// <summary>Hand-out of tickets to pulling agents (section "Agents").</summary>
public sealed class AgentOptions
{
    public const string Section = "Agents";

    /// <summary>
    /// How long a pulled ticket stays with an agent who has not acknowledged it (accept, first read, a message or
    /// status change of theirs) before it goes back to the head of its queue.
    /// </summary>
    public TimeSpan ClaimAckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsValid => ClaimAckTimeout >= TimeSpan.FromSeconds(1) && ClaimAckTimeout <= TimeSpan.FromHours(1);
}
