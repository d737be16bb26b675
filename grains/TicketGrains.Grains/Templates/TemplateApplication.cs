using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.Grains.Rules;

namespace TicketGrains.Grains.Templates;

/// <summary>
/// What applying a template writes: each of its routing rules and triggers as a new version marked with the template's
/// name, and a disabled version of every enabled rule an earlier template wrote that this one does not have.
/// </summary>
public static class TemplateApplication
{
    public static IReadOnlyList<(string Kind, string Id, string Document)> Plan(string name, TemplateDocument template,
        IEnumerable<(string Id, RuleDocument Rule, string Json)> current)
    {
        var writes = new List<(string Kind, string Id, string Document)>();
        var ours = (template.Routing ?? []).Concat(template.Triggers ?? []).ToList();
        foreach (var (id, rule) in ours)
        {
            var json = JsonSerializer.SerializeToNode(rule, EventLog.EventSerializer.Options)!.AsObject();
            json["template"] = name;
            writes.Add((DocumentKinds.Rule, id, json.ToJsonString()));
        }

        foreach (var (id, rule, json) in current)
        {
            if (rule is { Template: not null, Enabled: true } && !ours.Any(o => o.Key == id))
            {
                var disabled = JsonNode.Parse(json)!.AsObject();
                disabled["enabled"] = false;
                writes.Add((DocumentKinds.Rule, id, disabled.ToJsonString()));
            }
        }

        writes.Add((DocumentKinds.Applied, DocumentKinds.CurrentApplied, name));
        return writes;
    }
}
