namespace TicketGrains.Grains.Rules;

/// <summary>A time rule due on a ticket: the ticket entered the rule's status at <see cref="Since"/>.</summary>
public sealed record TimeRuleDue(Guid TicketId, string RuleId, DateTimeOffset Since, DateTimeOffset DueAt);
