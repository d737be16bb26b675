using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Sla;

/// <summary>An SLA clock reached its warning time (the plan's warnBeforeSeconds before <paramref name="DueAt"/>), once per clock.</summary>
public sealed record SlaWarned(string Metric, DateTimeOffset DueAt, DateTimeOffset At) : IDomainEvent;
