using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Rules;
using Xunit;

namespace TicketGrains.Tests.Rules;

/// <summary>Which ticket events the trigger subscriber reads the data of, from a tenant's rules.</summary>
public sealed class RuleInterestTests
{
    private static RuleVersion Rule(string id, string json) => new(id, 1, json, "test", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_tenant_with_only_the_built_in_rules_reacts_to_order_events_alone()
    {
        var interest = new TenantRuleSet([]).Interest;

        Assert.Equal([RuleKinds.OrderEvent], interest.EventKinds);
        Assert.False(interest.TimeRules);
        Assert.True(TriggerEventKinds.Concerns(interest, "OrderEventApplied"));
        Assert.False(TriggerEventKinds.Concerns(interest, "TicketCreated"));
        Assert.False(TriggerEventKinds.Concerns(interest, "MessageAdded"));
    }

    [Fact]
    public void A_rule_on_ticket_updated_makes_every_rule_event_concern_the_tenant()
    {
        var interest = new TenantRuleSet([Rule("tag", """{"type":"event","on":["ticket.updated"],"actions":[{"type":"addTags","values":["x"]}]}""")]).Interest;

        Assert.Equal(RuleKinds.Events, interest.EventKinds);
        Assert.All(["TicketCreated", "StatusChanged", "MessageAdded", "SlaBreached", "OrderEventApplied"],
            type => Assert.True(TriggerEventKinds.Concerns(interest, type)));
        Assert.False(TriggerEventKinds.Concerns(interest, "CustomerRegistered"));
    }

    [Fact]
    public void Time_rules_concern_the_events_that_set_a_status_and_no_others()
    {
        var interest = new TenantRuleSet([Rule("remind", """{"type":"time","status":"pending","afterSeconds":3600,"actions":[{"type":"addTags","values":["stale"]}]}""")]).Interest;

        Assert.True(interest.TimeRules);
        Assert.True(TriggerEventKinds.Concerns(interest, "TicketCreated"));
        Assert.True(TriggerEventKinds.Concerns(interest, "StatusChanged"));
        Assert.False(TriggerEventKinds.Concerns(interest, "MessageAdded"));
    }

    [Fact]
    public void A_disabled_rule_concerns_nothing()
    {
        var interest = new TenantRuleSet([Rule("off", """{"type":"event","enabled":false,"on":["message.added"],"actions":[{"type":"addTags","values":["x"]}]}""")]).Interest;

        Assert.False(TriggerEventKinds.Concerns(interest, "MessageAdded"));
    }
}
