using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// What a ticket records when a push queue offers it, an agent declines, an agent goes offline or the ticket overflows.
/// Each is decided on the ticket's own state, so its log alone decides who holds it, whichever silo asks.
/// </summary>
public static class AssignmentDecisions
{
    /// <summary>Why a ticket left an agent who went offline.</summary>
    public const string AgentOffline = "agent-offline";

    /// <summary>Why a ticket went back when its agent turned the offer down.</summary>
    public const string Declined = "declined";

    /// <summary>The offer, like a claim with the offer's deadline; null when the ticket no longer waits or skips this agent.</summary>
    public static TicketClaimed? Offer(TicketState state, string agentId, TimeSpan acceptWithin, DateTimeOffset now) =>
        state.WaitsInQueue && !state.SkippedAgents.Contains(agentId) ? new TicketClaimed(agentId, now + acceptWithin, now, Offered: true) : null;

    /// <summary>The agent declines the offer pending for them; a conflict when there is none.</summary>
    public static ClaimReturned Decline(TicketState state, string agentId, DateTimeOffset now) =>
        state.ClaimPendingBy == agentId
            ? new ClaimReturned(agentId, Declined, now)
            : throw new ConflictException($"No offer of this ticket is pending for '{agentId}'.");

    /// <summary>Back to the queue if the offline agent holds the ticket and has not started on it; null otherwise.</summary>
    public static TicketRequeued? RequeueUnstarted(TicketState state, string agentId, DateTimeOffset now) =>
        state.CapacityHolder == agentId && !state.StartedByAssignee ? new TicketRequeued(agentId, AgentOffline, now) : null;

    /// <summary>Moves a ticket still waiting in <paramref name="from"/>; null when it was taken or moved meanwhile.</summary>
    public static TicketOverflowed? Overflow(TicketState state, string from, string to, DateTimeOffset now) =>
        state.WaitsInQueue && state.Queue == from && from != to ? new TicketOverflowed(from, to, now) : null;
}
