using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Agents;

/// <summary>The ticket waited in <paramref name="From"/> past its overflow time and now waits in <paramref name="To"/>.</summary>
public sealed record TicketOverflowed(string From, string To, DateTimeOffset At) : IDomainEvent;
