using System.Text.RegularExpressions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Routing;

namespace TicketGrains.Grains.Rules;

/// <summary>Checks of the clauses event and time rules share: event kinds, conditions, actions, business hours.</summary>
public static partial class RuleClauses
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NameShape();

    public static bool IsName(string value) => NameShape().IsMatch(value);

    public static void CheckEventKinds(List<string>? on, List<RuleProblem> problems, string at)
    {
        if (on is null or { Count: 0 })
        {
            problems.Add(new RuleProblem(at, $"An event rule needs 'on': one or more of {string.Join(", ", RuleKinds.Events)}."));
            return;
        }

        for (var i = 0; i < on.Count; i++)
        {
            if (!RuleKinds.Events.Contains(on[i]))
            {
                problems.Add(new RuleProblem(JsonPointer.Append(at, i), $"Unknown event '{on[i]}'. Known: {string.Join(", ", RuleKinds.Events)}."));
            }
        }
    }

    public static void CheckConditions(RuleConditions? conditions, List<RuleProblem> problems, string at)
    {
        CheckList(conditions?.All, problems, JsonPointer.Append(at, "all"));
        CheckList(conditions?.Any, problems, JsonPointer.Append(at, "any"));
    }

    private static void CheckList(List<RuleCondition>? list, List<RuleProblem> problems, string at)
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            var condition = list![i];
            var here = JsonPointer.Append(at, i);
            if (condition.Field is not { } field || !(RuleCondition.Fields.Contains(field) || IsDotted(field, "fields.") || IsDotted(field, "event.")))
            {
                problems.Add(new RuleProblem(JsonPointer.Append(here, "field"), $"Unknown field '{condition.Field}'. Known: {string.Join(", ", RuleCondition.Fields)}, fields.<name>, event.<attribute>."));
            }

            if (condition.Op is not { } op || !RuleCondition.Ops.Contains(op))
            {
                problems.Add(new RuleProblem(JsonPointer.Append(here, "op"), $"Unknown op '{condition.Op}'. Known: {string.Join(", ", RuleCondition.Ops)}."));
            }
            else if (op is "in" or "notIn" && condition.Values is null or { Count: 0 })
            {
                problems.Add(new RuleProblem(JsonPointer.Append(here, "values"), $"'{op}' needs a non-empty 'values' list."));
            }
            else if (op is "is" or "isNot" or "contains" or "notContains" && condition.Value is null)
            {
                problems.Add(new RuleProblem(JsonPointer.Append(here, "value"), $"'{op}' needs a 'value'."));
            }
        }
    }

    private static bool IsDotted(string field, string prefix) => field.StartsWith(prefix, StringComparison.Ordinal) && field.Length > prefix.Length;

    public static void CheckActions(List<RuleAction>? actions, List<RuleProblem> problems, string at)
    {
        if (actions is null or { Count: 0 })
        {
            problems.Add(new RuleProblem(at, "A rule needs at least one action."));
            return;
        }

        for (var i = 0; i < actions.Count; i++)
        {
            if (ActionProblem(actions[i]) is { } problem)
            {
                problems.Add(new RuleProblem(JsonPointer.Append(JsonPointer.Append(at, i), problem.Member), problem.Message));
            }
        }
    }

    private static (string Member, string Message)? ActionProblem(RuleAction action) => action.Type switch
    {
        "setStatus" when action.Value is null || !TicketStatus.All.Contains(action.Value) => ("value", $"Unknown status '{action.Value}'. Known: {string.Join(", ", TicketStatus.All)}."),
        "setPriority" when action.Value is null || !TicketCatalog.Priorities.Contains(action.Value) => ("value", $"Unknown priority '{action.Value}'. Known: {string.Join(", ", TicketCatalog.Priorities)}."),
        "addTags" or "removeTags" when action.Values is null or { Count: 0 } || action.Values.Any(t => !IsName(t)) => ("values", "Tags are a non-empty list of 1-64 letters, digits, '-' or '_'."),
        "setFields" when action.Fields is null or { Count: 0 } => ("fields", "'setFields' needs a non-empty 'fields' object."),
        "route" when action.Queue is null || !IsName(action.Queue) => ("queue", "'route' needs a queue: 1-64 letters, digits, '-' or '_'."),
        "reply" when string.IsNullOrWhiteSpace(action.Body) || action.Body.Length > TicketCatalog.MaxMessageLength => ("body", "'reply' needs a body (the message template)."),
        "notify" when string.IsNullOrWhiteSpace(action.To) => ("to", "'notify' needs 'to': who is notified."),
        "notify" when string.IsNullOrWhiteSpace(action.Body) => ("body", "'notify' needs a body."),
        "webhook" when !Uri.TryCreate(action.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") => ("url", "'webhook' needs an absolute http(s) url."),
        _ when action.Type is null || !RuleAction.Types.Contains(action.Type) => ("type", $"Unknown action '{action.Type}'. Known: {string.Join(", ", RuleAction.Types)}."),
        _ => null,
    };

    public static void CheckHours(BusinessHours hours, List<RuleProblem> problems, string at)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone, out _))
        {
            problems.Add(new RuleProblem(JsonPointer.Append(at, "timeZone"), $"Unknown time zone '{hours.TimeZone}'."));
        }

        for (var i = 0; i < hours.Days.Count; i++)
        {
            if (!BusinessHours.DayNames.Contains(hours.Days[i]))
            {
                problems.Add(new RuleProblem(JsonPointer.Append(JsonPointer.Append(at, "days"), i), "A day is one of sun, mon, tue, wed, thu, fri, sat."));
            }
        }

        if (!TimeOnly.TryParseExact(hours.From, "HH:mm", out var from))
        {
            problems.Add(new RuleProblem(JsonPointer.Append(at, "from"), "'from' is a time HH:mm."));
        }

        if (!TimeOnly.TryParseExact(hours.To, "HH:mm", out var to) || to <= from)
        {
            problems.Add(new RuleProblem(JsonPointer.Append(at, "to"), "'to' is a time HH:mm after 'from'."));
        }
    }
}
