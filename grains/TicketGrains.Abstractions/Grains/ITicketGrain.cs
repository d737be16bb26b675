using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Abstractions.Grains;

/// <summary>One ticket, keyed "tenant/ticketId". Its state is the fold of its events.</summary>
[Alias("TicketGrains.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>Opens the ticket; a repeat with the same request returns the ticket as first created, marked as a repeat.</summary>
    [Alias("Create")]
    Task<CreatedTicket> CreateAsync(CreateTicket command);

    /// <summary>Returns the ticket; throws NotFoundException when it was never created.</summary>
    [Alias("Get")]
    Task<TicketView> GetAsync();

    /// <summary>Returns the full event history.</summary>
    [Alias("GetEvents")]
    Task<IReadOnlyList<TicketEventView>> GetEventsAsync();

    /// <summary>
    /// Returns the ticket as <paramref name="reader"/> (a credential's subject) reads it. The first read by the agent
    /// holding an unacknowledged claim acknowledges it.
    /// </summary>
    [Alias("Read")]
    Task<TicketView> ReadAsync(string reader);

    /// <summary>Adds a public reply or an internal note; <paramref name="actor"/> is the credential's subject.</summary>
    [Alias("AddMessage")]
    Task<TicketView> AddMessageAsync(string author, string body, bool isInternal, string actor, int? expectedVersion);

    /// <summary>Moves the ticket through its state machine.</summary>
    [Alias("ChangeStatus")]
    Task<TicketView> ChangeStatusAsync(string status, string actor, int? expectedVersion);

    /// <summary>Sets the ticket's priority; its SLA clocks and its place in the queue follow. The same priority changes nothing.</summary>
    [Alias("ChangePriority")]
    Task<TicketView> ChangePriorityAsync(string priority, string actor, int? expectedVersion);

    /// <summary>Assigns (or unassigns with null) the ticket to an agent.</summary>
    [Alias("Assign")]
    Task<TicketView> AssignAsync(string? agentId, string actor, int? expectedVersion);

    /// <summary>
    /// Hands the ticket to the pulling agent if it still waits in its queue; null otherwise. The claim goes back to the
    /// queue unless the agent acknowledges it before the view's AcceptBy.
    /// </summary>
    [Alias("Claim")]
    Task<TicketView?> ClaimAsync(string agentId);

    /// <summary>The agent acknowledges the ticket it pulled; a ConflictException when the ticket is no longer theirs.</summary>
    [Alias("AcceptClaim")]
    Task<TicketView> AcceptClaimAsync(string agentId);

    /// <summary>Returns the agent's unacknowledged claim to the queue at once (its pull was abandoned); nothing otherwise.</summary>
    [Alias("ReturnClaim")]
    Task ReturnClaimAsync(string agentId);

    /// <summary>Returns an unacknowledged claim whose deadline passed; otherwise arms the ticket's timer for it.</summary>
    /// <summary>Offers the ticket to an agent (a push queue): like a claim, held only once accepted within the time given. Null when it no longer waits or the agent was skipped before.</summary>
    [Alias("Offer")]
    Task<TicketView?> OfferAsync(string agentId, TimeSpan acceptWithin);

    /// <summary>The agent turns the offer down: the ticket waits again and is never offered to them again. A conflict when no offer to them is pending.</summary>
    [Alias("DeclineOffer")]
    Task<TicketView> DeclineOfferAsync(string agentId);

    /// <summary>The agent went offline: the ticket goes back to its queue unless the agent has started on it (a message or status change of theirs).</summary>
    [Alias("RequeueUnstarted")]
    Task RequeueUnstartedAsync(string agentId);

    /// <summary>The ticket waited too long in <paramref name="from"/>: it moves to <paramref name="to"/> if it still waits in <paramref name="from"/>.</summary>
    [Alias("Overflow")]
    Task OverflowAsync(string from, string to);

    [Alias("CheckClaim")]
    Task CheckClaimAsync();

    /// <summary>Records an SLA breach if the deadline has passed and the ticket still waits; otherwise arms its timer.</summary>
    [Alias("CheckSla")]
    Task CheckSlaAsync();

    /// <summary>
    /// Runs the event rules of <paramref name="run"/> on the ticket and appends what they decide; nothing when the
    /// ticket already ran rules for that log position. Returns the ids of the rules that fired.
    /// </summary>
    [Alias("RunTriggers")]
    Task<IReadOnlyList<string>> RunTriggersAsync(TriggerRun run);

    /// <summary>
    /// Fires a time rule that fell due if the ticket is still in the status it entered at <paramref name="since"/> and the
    /// rule has not fired for that stay; returns whether it fired.
    /// </summary>
    [Alias("RunTimeRule")]
    Task<bool> RunTimeRuleAsync(RuleVersion rule, DateTimeOffset since);
    /// <summary>Records an order-system event on the ticket (OrderEventApplied); a repeat of an event id already applied adds nothing.</summary>
    [Alias("ApplyOrderEvent")]
    Task<TicketView> ApplyOrderEventAsync(OrderEventNotice notice);

    /// <summary>
    /// Adds a customer's message that came in on a channel, recording <paramref name="origin"/>; a message whose inbound
    /// stream the ticket already holds adds nothing. Throws InvalidFieldException on a closed ticket.
    /// </summary>
    [Alias("AddInboundMessage")]
    Task<TicketView> AddInboundMessageAsync(string body, InboundOrigin origin);

    /// <summary>
    /// Records a stored file on the ticket (AttachmentAdded); one it holds already adds nothing. Throws InvalidFieldException
    /// for an upload to a closed ticket, or for a channel message's file when the ticket does not hold that message.
    /// </summary>
    [Alias("AddAttachment")]
    Task<TicketView> AddAttachmentAsync(AttachmentNote note);

    /// <summary>Records that the media of the channel message <paramref name="inboundMessage"/> could not be stored, and why; once per message.</summary>
    [Alias("RecordAttachmentFailure")]
    Task<TicketView> RecordAttachmentFailureAsync(string inboundMessage, string reason);

    /// <summary>
    /// Loads the ticket into memory and keeps it there, ahead of a pull that may take it (see the queue's warm-ahead);
    /// nothing changes.
    /// </summary>
    [Alias("Warm"), OneWay]
    Task WarmAsync();

    /// <summary>What threading needs of the ticket; throws NotFoundException when it was never created.</summary>
    [Alias("ThreadFacts")]
    Task<TicketThreadFacts> ThreadFactsAsync();

    /// <summary>
    /// What fields can be read from in the ticket's event at <paramref name="version"/> (its opening text, a public
    /// customer message, an image or voice attachment); null when that event holds none or its reading is already recorded.
    /// </summary>
    [Alias("FieldSource")]
    Task<FieldSourceItem?> FieldSourceAsync(int version);

    /// <summary>Records the fields read from one event (FieldsProposed: filled or proposed); a reading already recorded adds nothing.</summary>
    [Alias("RecordFieldReading")]
    Task<TicketView> RecordFieldReadingAsync(FieldReading reading);

    /// <summary>
    /// Sets the proposed field <paramref name="name"/> to its proposed value, or to <paramref name="value"/> when given, and
    /// drops the proposal. Throws InvalidFieldException naming "name" when there is no such proposal.
    /// </summary>
    [Alias("AcceptProposedField")]
    Task<TicketView> AcceptProposedFieldAsync(string name, string? value, string actor);

    /// <summary>Drops the proposed field <paramref name="name"/>. Throws InvalidFieldException naming "name" when there is no such proposal.</summary>
    [Alias("RejectProposedField")]
    Task<TicketView> RejectProposedFieldAsync(string name, string actor);

    /// <summary>
    /// Links the ticket to a surge (fields <c>surgeId</c> and, when the surge has one, <c>problemTicketId</c>); a link it
    /// holds already adds nothing.
    /// </summary>
    [Alias("LinkSurge")]
    Task<TicketView> LinkSurgeAsync(Guid surgeId, Guid? problemTicketId);

    /// <summary>
    /// Sends the surge's notice (text per language) to the ticket's customer as a public reply, once per surge; returns
    /// whether the ticket holds it (false when the ticket is no longer open).
    /// </summary>
    [Alias("SendSurgeNotice")]
    Task<bool> SendSurgeNoticeAsync(Guid surgeId, IReadOnlyDictionary<string, string> notice);

    /// <summary>Drops the in-memory copy of the ticket after its customer's personal data was erased.</summary>
    [Alias("ForgetPersonalData")]
    Task ForgetPersonalDataAsync();
}
