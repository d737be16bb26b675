using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One agent, keyed "tenant/agentId": the queues it serves, its skills, capacity and presence, and the tickets it
/// holds. Every hand-out to the agent (a pull or a pushed offer) passes through this grain one at a time, so its
/// capacity is checked and taken in one turn.
/// </summary>
[Alias("TicketGrains.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Sets the queues the agent pulls from, in order.</summary>
    [Alias("SetQueues")]
    Task<AgentProfile> SetQueuesAsync(IReadOnlyList<string> queues);

    /// <summary>Sets skills, capacity per channel kind and queues served.</summary>
    [Alias("Define")]
    Task<AgentProfile> DefineAsync(AgentDefinition definition);

    /// <summary>Sets presence; going offline puts every ticket the agent has not started back in its queue.</summary>
    [Alias("SetPresence")]
    Task<AgentProfile> SetPresenceAsync(string presence);

    /// <summary>Returns the agent's profile.</summary>
    [Alias("GetProfile")]
    Task<AgentProfile> GetProfileAsync();

    /// <summary>
    /// Claims the next ticket for this agent, waiting up to the given time; null if none came or the caller cancelled.
    /// The claim must be acknowledged (accept, read, reply) before its AcceptBy or the ticket goes back to its queue.
    /// </summary>
    [Alias("Next")]
    Task<TicketView?> NextAsync(TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="NextAsync"/>, telling the witness each ticket just before its claim is attempted.</summary>
    [Alias("NextWitnessed")]
    Task<TicketView?> NextWitnessedAsync(TimeSpan wait, PullWitnessing witnessing, CancellationToken cancellationToken = default);

    /// <summary>
    /// The answer of the witnessed pull <paramref name="pullId"/> never reached its caller (the caller left, or the call
    /// failed on the way back): the ticket that pull handed, and each of <paramref name="named"/> this agent still holds
    /// unaccepted, go back to their queues now instead of at their accept deadline. It runs after that pull's own turn, as
    /// every call to this grain does, so a claim still being made when the caller left is finished first.
    /// </summary>
    [Alias("GiveBackUnanswered")]
    Task GiveBackUnansweredAsync(Guid pullId, IReadOnlyList<Guid> named);

    /// <summary>A push queue offers the ticket: recorded in the ticket's log if the agent is online and has room for it.</summary>
    [Alias("Offer")]
    Task<OfferOutcome> OfferAsync(QueuedTicket ticket, TimeSpan acceptWithin);

    /// <summary>The agent keeps an offered (or pulled) ticket; a conflict once it went back.</summary>
    [Alias("AcceptOffer")]
    Task<TicketView> AcceptOfferAsync(Guid ticketId);

    /// <summary>The agent turns an offer down: the ticket goes back to its queue and is not offered to them again.</summary>
    [Alias("DeclineOffer")]
    Task<TicketView> DeclineOfferAsync(Guid ticketId);

    /// <summary>A ticket now counts against the agent's capacity (assigned to them, new or open). Idempotent.</summary>
    [Alias("Hold")]
    [AlwaysInterleave, OneWay]
    Task HoldAsync(Guid ticketId, string channelKind);

    /// <summary>A ticket no longer counts against the agent's capacity (solved, reassigned, returned). Idempotent.</summary>
    [Alias("Release")]
    [AlwaysInterleave, OneWay]
    Task ReleaseAsync(Guid ticketId);

    /// <summary>Asks the agent to report its status to the given push queue (after the queue lost its roster).</summary>
    [Alias("Report")]
    [OneWay]
    Task ReportToAsync(string queue);
}
