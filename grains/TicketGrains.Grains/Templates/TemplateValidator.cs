using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Agents;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;

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
        CheckSla(template.SlaPolicies, "/slaPolicies", SlaDocumentRules.Check, problems);
        CheckSla(template.Calendars, "/calendars", SlaDocumentRules.Check, problems);

        return problems.Count == start ? template : null;
    }

    /// <summary>Each queue as its own route checks it, so an apply never meets a definition the queue refuses.</summary>
    private static void CheckQueues(Dictionary<string, QueueDefinition>? queues, List<RuleProblem> problems)
    {
        foreach (var (name, queue) in queues ?? [])
        {
            if (!RuleClauses.IsName(name))
            {
                problems.Add(new RuleProblem(JsonPointer.Append("/queues", name), "A name is 1-64 letters, digits, '-' or '_'."));
                continue;
            }

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

    /// <summary>Each SLA policy or calendar as its own route checks it.</summary>
    private static void CheckSla<T>(
        Dictionary<string, T>? documents, string at, Func<T, List<(string Pointer, string Message)>> check, List<RuleProblem> problems)
    {
        foreach (var (name, document) in documents ?? [])
        {
            var here = JsonPointer.Append(at, name);
            if (!SlaDocumentRules.IsValidName(name))
            {
                problems.Add(new RuleProblem(here, "A name is 1-64 lowercase letters, digits, '-' or '_'."));
                continue;
            }

            problems.AddRange(check(document).Select(p => new RuleProblem(here + p.Pointer, p.Message)));
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
