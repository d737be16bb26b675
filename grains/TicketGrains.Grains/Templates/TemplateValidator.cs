using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Grains.Templates;

/// <summary>Checks a template document; each problem names its clause by JSON pointer (e.g. /triggers/late/actions/0/type).</summary>
public static class TemplateValidator
{
    public static TemplateDocument? Parse(string json, List<RuleProblem> problems)
    {
        var start = problems.Count;
        var template = DocumentReader.Read<TemplateDocument>(json, problems);
        if (template is null)
        {
            return null;
        }

        CheckRules(template.Routing, [RuleKinds.Routing], "/routing", problems);
        CheckRules(template.Triggers, [RuleKinds.Event, RuleKinds.Time], "/triggers", problems);
        CheckQueues(template.Queues, problems);
        (string Part, IEnumerable<string>? Names)[] named =
            [("queues", template.Queues?.Keys), ("slaPolicies", template.SlaPolicies?.Keys), ("calendars", template.Calendars?.Keys)];
        foreach (var (part, names) in named)
        {
            foreach (var name in (names ?? []).Where(n => !RuleClauses.IsName(n)))
            {
                problems.Add(new RuleProblem(JsonPointer.Append("/" + part, name), "A name is 1-64 letters, digits, '-' or '_'."));
            }
        }

        return problems.Count == start ? template : null;
    }

    /// <summary>Each queue as its own route checks it, so an apply never meets a definition the queue refuses.</summary>
    private static void CheckQueues(Dictionary<string, QueueDefinition>? queues, List<RuleProblem> problems)
    {
        foreach (var (name, queue) in queues ?? [])
        {
            try
            {
                QueueDefinitionRules.Check(name, queue);
            }
            catch (InvalidFieldException e)
            {
                problems.Add(new RuleProblem(JsonPointer.Append("/queues", name) + e.Field, e.Message));
            }
        }
    }

    private static void CheckRules(Dictionary<string, RuleDocument>? rules, string[] types, string at, List<RuleProblem> problems)
    {
        foreach (var (id, rule) in rules ?? [])
        {
            var here = JsonPointer.Append(at, id);
            if (!RuleClauses.IsName(id))
            {
                problems.Add(new RuleProblem(here, "A rule id is 1-64 letters, digits, '-' or '_'."));
            }
            else if (!types.Contains(rule.Type))
            {
                problems.Add(new RuleProblem(JsonPointer.Append(here, "type"), $"Here 'type' must be one of {string.Join(", ", types)}."));
            }
            else
            {
                RuleValidator.Check(rule, problems, here);
            }
        }
    }
}
