using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Templates;
using Xunit;

namespace TicketGrains.Tests.Rules;

public sealed class RuleValidatorTests
{
    private static List<RuleProblem> Problems(string json)
    {
        var problems = new List<RuleProblem>();
        RuleValidator.Parse(json, problems);
        return problems;
    }

    [Fact]
    public void A_valid_event_rule_has_no_problems() => Assert.Empty(Problems("""
        {"type":"event","on":["order_event"],"conditions":{"all":[{"field":"event.type","op":"is","value":"shipped"}]},
         "actions":[{"type":"reply","body":"shipped {{event.trackingNo}}"},{"type":"setStatus","value":"pending"}]}
        """));

    [Fact]
    public void Each_bad_clause_is_named_by_its_json_pointer()
    {
        var problems = Problems("""
            {"type":"event","on":["ticket.created","ticket.exploded"],
             "conditions":{"all":[{"field":"status","op":"equals","value":"new"}],"any":[{"field":"colour","op":"in","values":["red"]}]},
             "actions":[{"type":"setPriority","value":"high"},{"type":"launch"},{"type":"setStatus","value":"sleeping"}]}
            """);

        Assert.Equal(["/on/1", "/conditions/all/0/op", "/conditions/any/0/field", "/actions/1/type", "/actions/2/value"], problems.Select(p => p.Pointer));
    }

    [Fact]
    public void Unknown_members_and_wrong_types_are_named_where_they_are()
    {
        Assert.Equal("/actions/0/tpye", Assert.Single(Problems("""{"type":"event","on":["ticket.created"],"actions":[{"tpye":"reply"}]}""")).Pointer);
        Assert.Equal("/afterSeconds", Assert.Single(Problems("""{"type":"time","status":"pending","afterSeconds":"48h","actions":[]}""")).Pointer);
    }

    [Fact]
    public void Time_and_routing_rules_need_their_own_parts()
    {
        Assert.Equal(["/status", "/afterSeconds", "/actions"], Problems("""{"type":"time","afterSeconds":0}""").Select(p => p.Pointer));
        Assert.Equal(["/then/queue", "/then/priority", "/when/businessHours/timeZone", "/when/businessHours/to"], Problems("""
            {"type":"routing","when":{"businessHours":{"timeZone":"Mars/Olympus","from":"18:00","to":"09:00"}},"then":{"priority":"asap"}}
            """).Select(p => p.Pointer));
        Assert.Equal("/type", Assert.Single(Problems("""{"type":"sometimes"}""")).Pointer);
    }

    [Fact]
    public void A_template_names_the_bad_clause_inside_its_rules()
    {
        var problems = new List<RuleProblem>();
        TemplateValidator.Parse("""
            {"routing":{"vip":{"type":"event","on":["ticket.created"],"actions":[{"type":"reply","body":"hi"}]}},
             "triggers":{"late":{"type":"time","status":"pending","afterSeconds":60,"actions":[{"type":"explode"}]}}}
            """, problems);

        Assert.Equal(["/routing/vip/type", "/triggers/late/actions/0/type"], problems.Select(p => p.Pointer));
    }

    [Fact]
    public void A_template_queue_is_checked_as_the_queue_route_checks_it()
    {
        var problems = new List<RuleProblem>();
        TemplateValidator.Parse("""{"queues":{"typo":{"skills":["x"]}}}""", problems);

        Assert.Equal(["/queues/typo/skills"], problems.Select(p => p.Pointer));

        problems.Clear();
        TemplateValidator.Parse("""{"queues":{"surge":{"requiredSkills":{"logistics":1},"strategy":"shout"},"spill":{"overflowQueue":"general"}}}""", problems);

        Assert.Equal(["/queues/surge/strategy", "/queues/spill/overflowAfterSeconds"], problems.Select(p => p.Pointer));
    }

    [Fact]
    public void A_template_sla_policy_and_calendar_are_checked_as_their_routes_check_them()
    {
        var problems = new List<RuleProblem>();
        TemplateValidator.Parse("""
            {"slaPolicies":{"peak":{"targets":[{"metric":"first_reply","seconds":0}]},"Peak":{}},
             "calendars":{"office":{"timeZone":"Asia/Shanghai","weeklyHours":[{"day":"someday","start":"09:00","end":"18:00"}]}}}
            """, problems);

        Assert.Equal(["/slaPolicies/peak/targets/0/seconds", "/slaPolicies/Peak", "/calendars/office/weeklyHours/0/day"], problems.Select(p => p.Pointer));
    }

    [Fact]
    public void Every_built_in_rule_and_template_is_valid()
    {
        var problems = new List<RuleProblem>();
        foreach (var rule in BuiltInRules.Documents)
        {
            RuleValidator.Parse(rule.Document, problems, "/" + rule.Id);
        }

        foreach (var template in BuiltInTemplates.Documents)
        {
            TemplateValidator.Parse(template.Document, problems);
        }

        Assert.Empty(problems);
        Assert.Equal(["everyday", "618", "double11"], BuiltInTemplates.Documents.Select(t => t.Id));
    }
}
