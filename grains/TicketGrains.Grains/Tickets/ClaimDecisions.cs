using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.Tickets;

/// <summary>
/// Hand-out of a ticket to a pulling agent, exactly once to an agent who receives it: a pull claims the ticket with a
/// deadline; the agent's acknowledgement keeps it; a claim nobody acknowledged by then (the long-poll's client had gone,
/// the reply was lost) goes back to the queue.
/// </summary>
public static class ClaimDecisions
{
    /// <summary>Acknowledged through the explicit accept endpoint.</summary>
    public const string ByAccept = "accept";

    /// <summary>Acknowledged by the agent's first read of the ticket.</summary>
    public const string ByRead = "read";

    /// <summary>Returned because nobody acknowledged the claim in time.</summary>
    public const string NotAccepted = "not-accepted";

    /// <summary>Returned at once because the pulling request was gone before the ticket could be handed over.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The claim of a ticket still waiting in its queue; null when it no longer waits (another agent has it, it was closed).</summary>
    public static TicketClaimed? Claim(TicketState state, string agentId, TimeSpan acceptWithin, DateTimeOffset now)
    {
        if (!AgentIds.IsValid(agentId))
        {
            throw new InvalidFieldException("agentId", "An agent id is 1-64 letters, digits, '.', '_', '-' or '@'.");
        }

        return state.WaitsInQueue ? new TicketClaimed(agentId, now + acceptWithin, now) : null;
    }

    /// <summary>
    /// The agent accepts the ticket it pulled. Null when there is nothing to record (it already did); a conflict when the
    /// ticket is not the agent's (its claim was returned, or someone else holds it).
    /// </summary>
    public static ClaimAccepted? Accept(TicketState state, string agentId, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            throw new NotFoundException("No such ticket.");
        }

        if (state.ClaimPendingBy == agentId)
        {
            return new ClaimAccepted(agentId, ByAccept, now);
        }

        return state.Assignee == agentId
            ? null
            : throw new ConflictException($"The ticket is not held by '{agentId}': its claim was not acknowledged in time or it was assigned to someone else.");
    }

    /// <summary>The first read of the ticket by the agent who pulled it acknowledges the claim; other reads change nothing.</summary>
    public static ClaimAccepted? AcceptOnRead(TicketState state, string reader, DateTimeOffset now) =>
        state.ClaimPendingBy is { } agent && agent == reader ? new ClaimAccepted(agent, ByRead, now) : null;

    /// <summary>Returns a claim whose deadline passed unacknowledged; null while it has time left or is no longer pending.</summary>
    public static ClaimReturned? Expire(TicketState state, DateTimeOffset now) =>
        state is { ClaimPendingBy: { } agent, ClaimAcceptBy: { } due } && due <= now ? new ClaimReturned(agent, NotAccepted, now) : null;

    /// <summary>Returns the agent's unacknowledged claim at once (its pull was abandoned); null when it has none.</summary>
    public static ClaimReturned? Abandon(TicketState state, string agentId, DateTimeOffset now) =>
        state.ClaimPendingBy == agentId ? new ClaimReturned(agentId, Abandoned, now) : null;
}
