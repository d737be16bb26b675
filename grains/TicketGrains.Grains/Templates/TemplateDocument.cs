using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Grains.Templates;

/// <summary>
/// A scenario template as written to PUT /api/v1/templates/{name}: routing rules and triggers (event and time rules) by
/// id, and the queues, SLA policies and calendars by name in the documents their own routes take; applying it writes
/// each of them as its route would.
/// </summary>
public sealed class TemplateDocument
{
    public string? Description { get; init; }
    public Dictionary<string, RuleDocument>? Routing { get; init; }
    public Dictionary<string, RuleDocument>? Triggers { get; init; }
    public Dictionary<string, QueueDefinition>? Queues { get; init; }
    public Dictionary<string, SlaPolicyDocument>? SlaPolicies { get; init; }
    public Dictionary<string, CalendarDocument>? Calendars { get; init; }
}
