using TicketGrains.Grains.Routing;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Rules;

public sealed class TriggerEngineTests
{
    private static readonly DateTimeOffset Now = TicketStates.T0.AddMinutes(5);
    private static readonly Dictionary<string, string> NoAttributes = [];

    private static (string, RuleDocument) Rule(string id, string json) => (id, RuleValidator.Parse(json, []) ?? throw new ArgumentException(json));

    [Fact]
    public void A_chain_of_rules_that_keeps_waking_the_next_stops_at_the_loop_guard()
    {
        // Rule k adds tag step-k once step-(k-1) is there; listed last-first, each pass can fire only one of them.
        var rules = Enumerable.Range(1, 15).Reverse().Select(k => Rule($"step-{k}", k == 1
            ? """{"type":"event","on":["ticket.created"],"actions":[{"type":"addTags","values":["step-1"]}]}"""
            : $$"""{"type":"event","on":["ticket.updated"],"conditions":{"all":[{"field":"tags","op":"is","value":"step-{{k - 1}}"}]},"actions":[{"type":"addTags","values":["step-{{k}}"]}]}""")).ToList();

        var outcome = TriggerEngine.Run(TicketStates.Created(), "ticket.created", NoAttributes, rules, Now);

        Assert.Equal((TriggerEngine.MaxPasses, true), (outcome.Passes, outcome.LoopGuardHit));
        Assert.Equal(Enumerable.Range(1, TriggerEngine.MaxPasses).Select(k => $"step-{k}"), outcome.Fired);
        Assert.Equal(TriggerEngine.MaxPasses, outcome.Events.OfType<TagsChanged>().Count());
    }

    [Fact]
    public void Rules_that_undo_each_other_fire_once_each_and_the_run_ends_stable()
    {
        List<(string, RuleDocument)> rules =
        [
            Rule("raise", """{"type":"event","on":["ticket.created","ticket.updated"],"conditions":{"all":[{"field":"priority","op":"is","value":"low"}]},"actions":[{"type":"setPriority","value":"high"}]}"""),
            Rule("lower", """{"type":"event","on":["ticket.updated"],"conditions":{"all":[{"field":"priority","op":"is","value":"high"}]},"actions":[{"type":"setPriority","value":"low"}]}"""),
        ];

        var outcome = TriggerEngine.Run(TicketStates.Created(priority: "low"), "ticket.created", NoAttributes, rules, Now);

        Assert.Equal(["raise", "lower"], outcome.Fired);
        Assert.Equal((3, false), (outcome.Passes, outcome.LoopGuardHit));
        Assert.Equal([("low", "high", "trigger:raise"), ("high", "low", "trigger:lower")],
            outcome.Events.Cast<PriorityChanged>().Select(p => (p.From, p.To, p.Actor)));
    }

    [Fact]
    public void The_built_in_shipped_trigger_replies_with_the_tracking_number_and_waits_for_the_customer()
    {
        var shipped = RuleRun.Parse(BuiltInRules.Documents.Where(d => d.Id == BuiltInRules.ShippedId).ToList());
        var attributes = new Dictionary<string, string> { ["type"] = "shipped", ["orderNo"] = "20261111-42", ["trackingNo"] = "SF1234567890", ["carrier"] = "顺丰" };

        var outcome = TriggerEngine.Run(TicketStates.Created(), "order_event", attributes, shipped, Now);
        var otherEvent = TriggerEngine.Run(TicketStates.Created(), "order_event", new Dictionary<string, string> { ["type"] = "delivered" }, shipped, Now);

        var reply = Assert.IsType<MessageAdded>(outcome.Events[0]);
        Assert.Contains("顺丰 运单号 SF1234567890", reply.Body);
        Assert.Equal((false, "trigger:builtin-shipped"), (reply.Internal, reply.Actor));
        Assert.Equal(("new", "pending"), (((StatusChanged)outcome.Events[1]).From, ((StatusChanged)outcome.Events[1]).To));
        Assert.Empty(otherEvent.Fired);
    }

    [Fact]
    public void A_rules_automatic_reply_does_not_count_as_the_first_response()
    {
        var state = TicketStates.Created();
        var rules = new List<(string, RuleDocument)> { Rule("ack", """{"type":"event","on":["ticket.created"],"actions":[{"type":"reply","body":"We got {{ticket.subject}}"}]}""") };

        foreach (var e in TriggerEngine.Run(state, "ticket.created", NoAttributes, rules, Now).Events)
        {
            state.Apply(e);
        }

        Assert.Equal(("We got Where is my parcel?", false, state.SlaDueAt), (state.Messages[^1].Body, state.FirstResponseGiven, state.PendingSlaDue));
    }

    [Fact]
    public void Route_fields_and_tag_actions_change_the_ticket_and_record_the_route()
    {
        var state = TicketStates.Created();
        var rules = new List<(string, RuleDocument)>
        {
            Rule("escalate", """
                {"type":"event","on":["sla.breached"],"actions":[{"type":"route","queue":"escalations","values":["senior"]},
                 {"type":"setFields","fields":{"escalated":"yes","orderId":"A-1001"}},{"type":"addTags","values":["breached"]},{"type":"removeTags","values":["breached"]}]}
                """),
        };

        var outcome = TriggerEngine.Run(state, "sla.breached", NoAttributes, rules, Now);
        foreach (var e in outcome.Events)
        {
            state.Apply(e);
        }

        var routed = Assert.IsType<TicketRouted>(outcome.Events[0]);
        Assert.Equal(("escalate", "escalations"), (routed.RuleId, routed.Queue));
        Assert.Equal(("escalations", "yes", 1), (state.Queue, state.Fields["escalated"], Assert.IsType<FieldsChanged>(outcome.Events[1]).Set.Count));
        Assert.Equal(["senior"], state.Skills);
        Assert.Empty(state.Tags);
        Assert.Equal(4, outcome.Events.Count);
    }
}
