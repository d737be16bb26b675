using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Agents;

/// <summary>
/// The ticket left an agent it was handed to but who had not started on it (<paramref name="Reason"/>: "agent-offline"):
/// it is unassigned and waits at its place in its queue again.
/// </summary>
public sealed record TicketRequeued(string Agent, string Reason, DateTimeOffset At) : IDomainEvent;
