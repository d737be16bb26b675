using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Templates;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Templates;

public sealed class TemplateApplicationTests
{
    private static TemplateDocument Template(string name) => TemplateValidator.Parse(BuiltInTemplates.Documents.Single(t => t.Id == name).Document, [])!;

    /// <summary>Applies the plan the way the tenant grain stores it and builds the rule set the next decision uses.</summary>
    private static List<RuleVersion> Apply(List<RuleVersion> current, string name)
    {
        var parsed = current.Select(v => (v.Id, RuleValidator.Parse(v.Document, [])!, v.Document));
        foreach (var (kind, id, document) in TemplateApplication.Plan(name, Template(name), parsed).Where(w => w.Kind == DocumentKinds.Rule))
        {
            current.RemoveAll(v => v.Id == id);
            current.Add(new RuleVersion(id, 1, document, "ops", TicketStates.T0));
        }

        return current;
    }

    private static string QueueFor(List<RuleVersion> rules, string category, string tier) =>
        RoutingEngine.Route(new TenantRuleSet(rules).Routing, RoutingInput.From(TicketStates.Command(category: category, tier: tier), TicketStates.T0)).Queue;

    [Fact]
    public void Switching_templates_retires_the_previous_templates_routing()
    {
        var rules = Apply([], "double11");
        Assert.Equal(("after-sales-surge", "logistics-surge", "vip"), (QueueFor(rules, "refund", "regular"), QueueFor(rules, "logistics", "regular"), QueueFor(rules, "refund", "vip")));

        rules = Apply(rules, "everyday");

        Assert.Equal(("after-sales", "logistics", "vip"), (QueueFor(rules, "refund", "regular"), QueueFor(rules, "logistics", "regular"), QueueFor(rules, "refund", "vip")));
        Assert.All(rules.Where(r => r.Id is "return-peak" or "logistics-surge" or "vip-fast-lane"), r => Assert.False(RuleValidator.Parse(r.Document, [])!.Enabled));
    }

    [Fact]
    public void A_tenants_own_rules_survive_a_template_switch()
    {
        List<RuleVersion> rules = [new("fraud", 1, """{"type":"routing","order":1,"when":{"keywords":["fraud"]},"then":{"queue":"risk"}}""", "ops", TicketStates.T0)];

        rules = Apply(Apply(rules, "618"), "double11");

        Assert.True(RuleValidator.Parse(rules.Single(r => r.Id == "fraud").Document, [])!.Enabled);
        Assert.False(RuleValidator.Parse(rules.Single(r => r.Id == "presale-surge").Document, [])!.Enabled);
    }
}
