namespace TicketGrains.Grains.Channels;

/// <summary>Where an inbound message goes: <see cref="JoinTicket"/>, or a new ticket when null; the rule that decided and why.</summary>
public sealed record ThreadingDecision(Guid? JoinTicket, string Rule, string Reason);
