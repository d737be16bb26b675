using TicketGrains.Abstractions.Catalog;

namespace TicketGrains.Grains.Rules;

/// <summary>Checks a rule document's meaning after it was read; every problem names its clause by JSON pointer.</summary>
public static class RuleValidator
{
    /// <summary>The parsed rule, or null with <paramref name="problems"/> filled.</summary>
    public static RuleDocument? Parse(string json, List<RuleProblem> problems, string at = "")
    {
        var start = problems.Count;
        var rule = DocumentReader.Read<RuleDocument>(json, problems);
        if (rule is not null)
        {
            Check(rule, problems, at);
        }
        else
        {
            for (var i = start; i < problems.Count; i++)
            {
                problems[i] = problems[i] with { Pointer = at + problems[i].Pointer };
            }
        }

        return problems.Count == start ? rule : null;
    }

    public static void Check(RuleDocument rule, List<RuleProblem> problems, string at)
    {
        switch (rule.Type)
        {
            case RuleKinds.Routing:
                CheckRouting(rule, problems, at);
                break;
            case RuleKinds.Event:
                RuleClauses.CheckEventKinds(rule.On, problems, JsonPointer.Append(at, "on"));
                RuleClauses.CheckConditions(rule.Conditions, problems, JsonPointer.Append(at, "conditions"));
                RuleClauses.CheckActions(rule.Actions, problems, JsonPointer.Append(at, "actions"));
                break;
            case RuleKinds.Time:
                if (rule.Status is null || !TicketStatus.All.Contains(rule.Status))
                {
                    problems.Add(new RuleProblem(JsonPointer.Append(at, "status"), $"A time rule needs a status, one of {string.Join(", ", TicketStatus.All)}."));
                }

                if (rule.AfterSeconds is not (>= 1 and <= 31_536_000))
                {
                    problems.Add(new RuleProblem(JsonPointer.Append(at, "afterSeconds"), "A time rule needs afterSeconds between 1 and 31536000 (a year)."));
                }

                RuleClauses.CheckConditions(rule.Conditions, problems, JsonPointer.Append(at, "conditions"));
                RuleClauses.CheckActions(rule.Actions, problems, JsonPointer.Append(at, "actions"));
                break;
            default:
                problems.Add(new RuleProblem(JsonPointer.Append(at, "type"), $"'type' must be one of {string.Join(", ", RuleKinds.Types)}."));
                break;
        }
    }

    private static void CheckRouting(RuleDocument rule, List<RuleProblem> problems, string at)
    {
        var then = JsonPointer.Append(at, "then");
        if (rule.Then?.Queue is not { } queue || !RuleClauses.IsName(queue))
        {
            problems.Add(new RuleProblem(JsonPointer.Append(then, "queue"), "A routing rule needs a queue: 1-64 letters, digits, '-' or '_'."));
        }

        if (rule.Then?.Priority is { } priority && !TicketCatalog.Priorities.Contains(priority))
        {
            problems.Add(new RuleProblem(JsonPointer.Append(then, "priority"), $"Unknown priority '{priority}'. Known: {string.Join(", ", TicketCatalog.Priorities)}."));
        }

        if (rule.When?.BusinessHours is { } hours)
        {
            RuleClauses.CheckHours(hours, problems, JsonPointer.Append(JsonPointer.Append(at, "when"), "businessHours"));
        }
    }
}
