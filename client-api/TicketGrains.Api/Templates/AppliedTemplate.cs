namespace TicketGrains.Api.Templates;

/// <summary>
/// What applying a template did: <see cref="Rules"/> are the rules written (the template's, and earlier templates'
/// rules it disabled); its calendars, SLA policies and queues were written too.
/// </summary>
public sealed record AppliedTemplate(string Name, IReadOnlyList<string> Rules);
