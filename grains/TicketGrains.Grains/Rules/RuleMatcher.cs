using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Rules;

/// <summary>Evaluates ALL / ANY conditions against a ticket and the attributes of the event that woke the rules.</summary>
public static class RuleMatcher
{
    public static bool Matches(RuleConditions? conditions, TicketState ticket, IReadOnlyDictionary<string, string> attributes) =>
        (conditions?.All ?? []).All(c => Holds(c, ticket, attributes))
        && (conditions?.Any is not { Count: > 0 } any || any.Any(c => Holds(c, ticket, attributes)));

    private static bool Holds(RuleCondition condition, TicketState ticket, IReadOnlyDictionary<string, string> attributes)
    {
        var values = ValuesOf(condition.Field!, ticket, attributes);
        var wanted = condition.Values ?? [];
        return condition.Op switch
        {
            "is" => values.Contains(condition.Value!, StringComparer.Ordinal),
            "isNot" => !values.Contains(condition.Value!, StringComparer.Ordinal),
            "in" => values.Any(v => wanted.Contains(v, StringComparer.Ordinal)),
            "notIn" => !values.Any(v => wanted.Contains(v, StringComparer.Ordinal)),
            "contains" => values.Any(v => v.Contains(condition.Value!, StringComparison.OrdinalIgnoreCase)),
            "notContains" => !values.Any(v => v.Contains(condition.Value!, StringComparison.OrdinalIgnoreCase)),
            "present" => values.Count > 0,
            "absent" => values.Count == 0,
            _ => false,
        };
    }

    /// <summary>The field's values: none when absent, every tag for "tags", one otherwise.</summary>
    private static IReadOnlyList<string> ValuesOf(string field, TicketState ticket, IReadOnlyDictionary<string, string> attributes)
    {
        string? one = field switch
        {
            "status" => ticket.Status,
            "priority" => ticket.Priority,
            "category" => ticket.Category,
            "channel" => ticket.Channel,
            "queue" => ticket.Queue,
            "assignee" => ticket.Assignee,
            "subject" => ticket.Subject,
            "tags" => null,
            _ when field.StartsWith("fields.", StringComparison.Ordinal) => ticket.Fields.GetValueOrDefault(field["fields.".Length..]),
            _ => attributes.GetValueOrDefault(field["event.".Length..]),
        };
        return field == "tags" ? [.. ticket.Tags] : one is null ? [] : [one];
    }
}
