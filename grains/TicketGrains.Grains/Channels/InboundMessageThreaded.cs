using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// The threading decision for an inbound message (version 2 of its stream): the ticket it goes to, whether that ticket
/// is new, which rule decided (thread, order, new) and why. Recorded before it is carried out, so a redelivered message
/// goes where it went the first time, whatever changed meanwhile. An automatic message that joins no ticket is recorded
/// with the empty ticket id, not new, rule <see cref="AutomaticThreading.Unfiled"/>: it opens none.
/// </summary>
public sealed record InboundMessageThreaded(Guid TicketId, bool NewTicket, string Rule, string Reason, DateTimeOffset At) : IDomainEvent;
