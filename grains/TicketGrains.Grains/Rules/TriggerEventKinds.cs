using System.Text.Json;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Rules;

/// <summary>
/// Which rule event a committed ticket event is, and what it carries for conditions and reply templates. Events made by
/// rules (actor "trigger:…") start nothing: the run that made them already re-ran until stable. Automatic mail kept on a
/// ticket (a message whose <c>inbound.automatic</c> is set) starts nothing either: a rule's reply to an out-of-office
/// reply is the loop RFC 3834 forbids, and a rule reopening a solved ticket for it undoes the agent's work. Order and SLA events
/// are read by their stored type name and JSON, so this needs none of their types.
/// </summary>
public static class TriggerEventKinds
{
    private static readonly Dictionary<string, string> KindByType = new(StringComparer.Ordinal)
    {
        ["TicketCreated"] = RuleKinds.TicketCreated,
        ["StatusChanged"] = RuleKinds.TicketUpdated,
        ["AssigneeChanged"] = RuleKinds.TicketUpdated,
        ["PriorityChanged"] = RuleKinds.TicketUpdated,
        ["TagsChanged"] = RuleKinds.TicketUpdated,
        ["FieldsChanged"] = RuleKinds.TicketUpdated,
        ["TicketRouted"] = RuleKinds.TicketUpdated,
        ["MessageAdded"] = RuleKinds.MessageAdded,
        ["OrderEventApplied"] = RuleKinds.OrderEvent,
        ["SlaWarned"] = RuleKinds.SlaWarning,
        ["SlaBreached"] = RuleKinds.SlaBreached,
    };

    /// <summary>Attributes an order or SLA event offers as event.&lt;name&gt;.</summary>
    private static readonly string[] Carried = ["type", "orderNo", "trackingNo", "carrier", "eventId", "metric", "dueAt", "internal", "author"];

    public static string? KindOf(CommittedEvent e) => KindOfType(e.EventType);

    /// <summary>The rule event kind of a stored ticket event type; null for types that start no rules.</summary>
    public static string? KindOfType(string eventType) => KindByType.GetValueOrDefault(eventType);

    /// <summary>Whether events of this stored type start rules (or, TicketCreated and StatusChanged, move time rules).</summary>
    public static bool IsRuleEvent(string eventType) => KindByType.ContainsKey(eventType);

    /// <summary>Whether events of this stored type put the ticket in a status, which time rules count from.</summary>
    public static bool MovesTimeRules(string eventType) => eventType is "TicketCreated" or "StatusChanged";

    /// <summary>Whether a ticket event matters to rules that react as <paramref name="interest"/> says.</summary>
    public static bool Concerns(RuleInterest interest, string eventType) =>
        (KindOfType(eventType) is { } kind && interest.EventKinds.Contains(kind)) || (interest.TimeRules && MovesTimeRules(eventType));

    /// <summary>False for events a rule made and for automatic mail kept on a ticket.</summary>
    public static bool StartsRules(CommittedEvent e) =>
        (!e.Data.Contains("\"trigger:", StringComparison.Ordinal) || !MadeByRule(e.Data))
        && (!e.Data.Contains("\"automatic\":", StringComparison.Ordinal) || !IsAutomaticMessage(e.Data));

    public static IReadOnlyDictionary<string, string> AttributesOf(CommittedEvent e)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(e.Data);
        foreach (var name in Carried)
        {
            if (json.RootElement.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Object or JsonValueKind.Array))
            {
                attributes[name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            }
        }

        return attributes;
    }

    private static bool IsAutomaticMessage(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("inbound", out var inbound) && inbound.ValueKind == JsonValueKind.Object
            && inbound.TryGetProperty("automatic", out var automatic) && automatic.ValueKind == JsonValueKind.String;
    }

    private static bool MadeByRule(string data)
    {
        using var json = JsonDocument.Parse(data);
        return json.RootElement.TryGetProperty("actor", out var actor) && actor.ValueKind == JsonValueKind.String
            && actor.GetString()!.StartsWith("trigger:", StringComparison.Ordinal);
    }
}
