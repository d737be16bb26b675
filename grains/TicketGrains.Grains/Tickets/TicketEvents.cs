using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Tickets;

// The ticket's events. Each command produces exactly one event, so one event is one optimistic
// append and a conflicting append never leaves half a command behind.

/// <summary>
/// A new ticket; <paramref name="Sla"/> is the plan its SLA clocks run under (absent in events written before plans existed),
/// <paramref name="Routed"/> its routing decision (absent in events written before rules existed), <paramref name="Tier"/> the
/// customer's tier (absent in events written before it was kept), <paramref name="Inbound"/> the channel message it opened with
/// and why it opened a new ticket (absent for API creates), <paramref name="ProposedCategory"/> the classifier's proposal for
/// that message when it did not set the category (absent otherwise and in events written before classification).
/// </summary>
public sealed record TicketCreated(
    Guid TicketId,
    Guid CustomerId,
    string Channel,
    string Subject,
    string Body,
    string Category,
    string Priority,
    string Queue,
    IReadOnlyDictionary<string, string> Fields,
    string RequestHash,
    DateTimeOffset? SlaDueAt,
    DateTimeOffset At,
    SlaPlan? Sla = null,
    TicketRouted? Routed = null,
    string? Tier = null,
    InboundOrigin? Inbound = null,
    CategoryConfidence? ProposedCategory = null) : IDomainEvent;

/// <summary>
/// A reply or note; <paramref name="Actor"/> is the credential that added it (absent in events written before it was kept);
/// <paramref name="Inbound"/> the channel message a customer's message came from and why it joined this ticket;
/// <paramref name="Reply"/> where a public reply to a channel customer is sent (Channels/Outbound).
/// </summary>
public sealed record MessageAdded(
    string Author, string Body, bool Internal, DateTimeOffset At, string? Actor = null, InboundOrigin? Inbound = null, ReplyRoute? Reply = null) : IDomainEvent;

public sealed record StatusChanged(string From, string To, string Actor, DateTimeOffset At) : IDomainEvent;

/// <summary>Assignment; the first assignment of a new ticket also opens it.</summary>
public sealed record AssigneeChanged(string? From, string? To, string Actor, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// An SLA clock passed its due time (once per clock). <paramref name="Metric"/> is absent in events written before there
/// was more than first reply. The escalation of the ticket's plan rides along: a raised priority and a new queue take
/// effect on the ticket; the supervisor to notify and the webhook to call are for the pipeline's subscribers.
/// <paramref name="Sla"/>: with a raised priority, the plan the tenant's policies give the ticket at it, so the other
/// clocks move to the tighter targets as on any priority change (ADR 0029); absent in events written before, which move
/// nothing on replay.
/// </summary>
public sealed record SlaBreached(
    DateTimeOffset DueAt,
    DateTimeOffset At,
    string? Metric = null,
    string? RaisedPriority = null,
    string? Queue = null,
    string? Notify = null,
    string? Webhook = null,
    SlaPlan? Sla = null) : IDomainEvent;

/// <summary>
/// An agent pulled the ticket: it is assigned to them (a new ticket opens), but until they acknowledge it by
/// <paramref name="AcceptBy"/> it goes back to its queue, so a hand-out whose reply never reached the agent is not lost.
/// <paramref name="Offered"/>: a push queue offered it, so an offer that lapses or is declined skips this agent from then on.
/// </summary>
public sealed record TicketClaimed(string Agent, DateTimeOffset AcceptBy, DateTimeOffset At, bool Offered = false) : IDomainEvent;

/// <summary>The pulling agent acknowledged its claim; <paramref name="How"/> is "accept" or "read" (<see cref="ClaimDecisions"/>).</summary>
public sealed record ClaimAccepted(string Agent, string How, DateTimeOffset At) : IDomainEvent;

/// <summary>An unacknowledged claim ended: the ticket is unassigned and waits at its place in its queue again.</summary>
public sealed record ClaimReturned(string Agent, string Reason, DateTimeOffset At) : IDomainEvent;
