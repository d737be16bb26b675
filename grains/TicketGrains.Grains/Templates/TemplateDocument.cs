using System.Text.Json;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Grains.Templates;

/// <summary>
/// A scenario template as written to PUT /api/v1/templates/{name}: routing rules and triggers (event and time rules) by
/// id, and the queues, SLA policies and calendars by name in the documents their own routes take. Applying it defines
/// its queues (as PUT /api/v1/queues/{name} does); its SLA policies and calendars are kept with it but not applied.
/// </summary>
public sealed class TemplateDocument
{
    public string? Description { get; init; }
    public Dictionary<string, RuleDocument>? Routing { get; init; }
    public Dictionary<string, RuleDocument>? Triggers { get; init; }
    public Dictionary<string, QueueDefinition>? Queues { get; init; }
    public Dictionary<string, JsonElement>? SlaPolicies { get; init; }
    public Dictionary<string, JsonElement>? Calendars { get; init; }
}
