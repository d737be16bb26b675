using TicketGrains.Grains.Routing;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Routing;

public sealed class RoutingEngineTests
{
    private static readonly DateTimeOffset MondayNoonShanghai = new(2025, 3, 3, 4, 0, 0, TimeSpan.Zero);

    private static RoutingInput Input(string category = "general", string tier = "regular", string body = "Ordered last week, nothing arrived.",
        Dictionary<string, string>? fields = null, DateTimeOffset? at = null) =>
        RoutingInput.From(TicketStates.Command(category: category, tier: tier) with { Body = body, Fields = fields ?? [] }, at ?? MondayNoonShanghai);

    private static RoutingRule Rule(string id, RoutingWhen when, string queue, string? priority = null) =>
        new(id, when, new RoutingThen { Queue = queue, Priority = priority, Skills = ["s-" + id], Tags = ["t-" + id] });

    [Fact]
    public void First_matching_rule_wins_and_the_decision_says_which_and_why()
    {
        List<RoutingRule> rules =
        [
            Rule("gold-refunds", new RoutingWhen { Tiers = ["gold"], Categories = ["refund"] }, "gold-desk", "high"),
            Rule("refunds", new RoutingWhen { Categories = ["refund"] }, "refund-desk"),
            .. BuiltInRouting.Rules,
        ];

        var gold = RoutingEngine.Route(rules, Input(category: "refund", tier: "gold"));
        var regular = RoutingEngine.Route(rules, Input(category: "refund"));

        Assert.Equal(("gold-refunds", "category 'refund', tier 'gold'", "gold-desk", "high"), (gold.RuleId, gold.Reason, gold.Queue, gold.Priority));
        Assert.Equal(["s-gold-refunds"], gold.Skills);
        Assert.Equal(["t-gold-refunds"], gold.Tags);
        Assert.Equal(("refunds", "refund-desk", null), (regular.RuleId, regular.Queue, regular.Priority));
    }

    [Fact]
    public void A_ticket_no_tenant_rule_matches_falls_through_to_the_built_in_default()
    {
        List<RoutingRule> rules = [Rule("refunds", new RoutingWhen { Categories = ["refund"] }, "refund-desk"), .. BuiltInRouting.Rules];

        var decision = RoutingEngine.Route(rules, Input(category: "account"));

        Assert.Equal((BuiltInRouting.DefaultRuleId, "general", "default (matches every ticket)"), (decision.RuleId, decision.Queue, decision.Reason));
    }

    [Fact]
    public void Without_any_matching_rule_the_ticket_still_gets_the_general_queue()
    {
        var decision = RoutingEngine.Route([], Input());

        Assert.Equal((null, "general", "no rule matched"), (decision.RuleId, decision.Queue, decision.Reason));
    }

    [Fact]
    public void Keywords_fields_and_language_match_the_ticket_text()
    {
        var rule = Rule("cn-fraud", new RoutingWhen { Keywords = ["诈骗", "fraud"], Languages = ["zh"], Fields = new() { ["shop"] = "tmall" } }, "risk");

        Assert.Equal("language 'zh', keyword '诈骗', field shop = 'tmall'",
            RoutingEngine.Explain(rule.When, Input(body: "有人冒充客服诈骗", fields: new() { ["shop"] = "tmall" })));
        Assert.Null(RoutingEngine.Explain(rule.When, Input(body: "有人冒充客服诈骗", fields: new() { ["shop"] = "jd" })));
        Assert.Null(RoutingEngine.Explain(rule.When, Input(body: "someone reported fraud", fields: new() { ["shop"] = "tmall" })));
    }

    [Fact]
    public void Business_hours_are_read_in_the_rules_time_zone()
    {
        var night = new RoutingWhen { BusinessHours = new BusinessHours { TimeZone = "Asia/Shanghai", Inside = false } };

        Assert.Null(RoutingEngine.Explain(night, Input(at: MondayNoonShanghai)));
        Assert.Equal("outside business hours", RoutingEngine.Explain(night, Input(at: MondayNoonShanghai.AddHours(8))));
        Assert.Equal("outside business hours", RoutingEngine.Explain(night, Input(at: MondayNoonShanghai.AddDays(5))));
    }
}
