using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;
using Xunit;

namespace TicketGrains.Tests.Sla;

public sealed class SlaPolicySelectorTests
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SlaDocumentEntry<SlaPolicyDocument>[] Policies =
    [
        Policy("everyone", 100, null, new SlaTarget { Metric = SlaMetrics.FirstReply, Seconds = 86400 }),
        Policy("vip-refunds", 10, new SlaConditions { Tier = ["vip"], Category = ["refund", "return"] },
            new SlaTarget { Metric = SlaMetrics.FirstReply, Priority = "urgent", Seconds = 600, BusinessHours = true },
            new SlaTarget { Metric = SlaMetrics.FirstReply, Seconds = 1800, BusinessHours = true },
            new SlaTarget { Metric = SlaMetrics.TotalResolution, Seconds = 86400 }),
        Policy("vip", 20, new SlaConditions { Tier = ["vip"] }, new SlaTarget { Metric = SlaMetrics.FirstReply, Seconds = 3600 }),
    ];

    [Theory]
    [InlineData("refund", "vip", "wechat", "urgent", "vip-refunds", 600)]
    [InlineData("return", "vip", "web", "low", "vip-refunds", 1800)]
    [InlineData("logistics", "vip", "web", "low", "vip", 3600)]
    [InlineData("refund", "gold", "web", "urgent", "everyone", 86400)]
    public void The_first_policy_in_order_whose_conditions_all_hold_decides(string category, string tier, string channel, string priority,
        string policy, long firstReplySeconds)
    {
        var plan = Select(Policies, new SlaTicketFacts(category, tier, channel, priority));

        Assert.Equal((policy, firstReplySeconds), (plan.Policy, plan.Targets.Single(t => t.Metric == SlaMetrics.FirstReply).Seconds));
    }

    [Fact]
    public void The_plan_carries_the_policys_calendar_version_and_business_hours()
    {
        var plan = Select(Policies, new SlaTicketFacts("refund", "vip", "web", "normal"));

        Assert.Equal((2, SlaPlans.Calendar), (plan.Version, plan.Calendar));
        Assert.Equal([new SlaPlanTarget(SlaMetrics.FirstReply, 1800, true), new SlaPlanTarget(SlaMetrics.TotalResolution, 86400, false)], plan.Targets);
    }

    [Fact]
    public void Without_a_matching_policy_the_configured_first_reply_target_is_the_plan()
    {
        var plan = Select(Policies[1..], new SlaTicketFacts("order", "regular", "web", "high"));

        Assert.Equal((DefaultSlaPlan.Name, null), (plan.Policy, plan.Calendar));
        Assert.Equal([new SlaPlanTarget(SlaMetrics.FirstReply, 4 * 3600, false)], plan.Targets);
    }

    private static SlaPlan Select(IEnumerable<SlaDocumentEntry<SlaPolicyDocument>> policies, SlaTicketFacts ticket) =>
        SlaPolicySelector.Select(SlaPolicySelector.InOrder(policies), name => name == "office" ? SlaPlans.Calendar : null, ticket, new SlaOptions());

    private static SlaDocumentEntry<SlaPolicyDocument> Policy(string name, int order, SlaConditions? conditions, params SlaTarget[] targets) =>
        new(name, 2, "admin", At, new SlaPolicyDocument { Order = order, Conditions = conditions, Calendar = "office", Targets = targets });
}
