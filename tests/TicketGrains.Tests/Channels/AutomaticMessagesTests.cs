using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.Channels;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Channels;

/// <summary>
/// Automatic mail in the channels core: where it goes (never a new ticket), and what it does on the ticket it joins:
/// kept as a message marked automatic, with no status, clock, reply route, rule run or field reading following it.
/// </summary>
public sealed class AutomaticMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 15, 0, TimeSpan.Zero);
    private static readonly Guid Channel = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Customer = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly Guid A = Guid.Parse("0193a000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0193a000-0000-7000-8000-00000000000b");

    [Fact]
    public void Automatic_mail_joins_the_ticket_it_names_even_when_solved()
    {
        var decision = AutomaticThreading.Decide(Customer, Channel, "t9", Facts(A, open: false), []);

        Assert.Equal((A, AutomaticThreading.Named), (decision.JoinTicket, decision.Rule));
    }

    [Theory]
    [InlineData(true, false, "names a closed ticket")]
    [InlineData(false, true, "names a ticket of another customer")]
    public void Automatic_mail_naming_a_closed_or_another_customer_s_ticket_joins_none(bool closed, bool otherCustomer, string why)
    {
        var named = Facts(A, open: false, closed: closed, customer: otherCustomer ? Guid.NewGuid() : Customer);

        var decision = AutomaticThreading.Decide(Customer, Channel, "t9", named, []);

        Assert.Equal(new ThreadingDecision(null, AutomaticThreading.Unfiled,
            $"automatic mail that {why} and shares no conversation with an open ticket of the customer: kept here, no ticket opened"), decision);
    }

    [Fact]
    public void Automatic_mail_naming_nothing_joins_the_open_ticket_of_its_conversation_written_on_last()
    {
        var tickets = new[] { Facts(A, threads: ["t1"], lastWrote: Now.AddDays(-30)), Facts(B, threads: ["t1"], lastWrote: Now.AddDays(-40)) };

        var decision = AutomaticThreading.Decide(Customer, Channel, "t1", null, tickets);

        Assert.Equal((A, ThreadingRule.Thread), (decision.JoinTicket, decision.Rule));
    }

    [Fact]
    public void Automatic_mail_never_joins_by_order_number_nor_another_channel_s_conversation_and_opens_nothing()
    {
        var tickets = new[] { Facts(A, threads: ["t1"], orderNo: "20261111-42"), Facts(B, threads: ["t2"], channel: Guid.NewGuid()) };

        var decision = AutomaticThreading.Decide(Customer, Channel, "t2", null, tickets);

        Assert.Equal((null, AutomaticThreading.Unfiled), (decision.JoinTicket, decision.Rule));
        Assert.Equal("automatic mail that names no ticket and shares no conversation with an open ticket of the customer: kept here, no ticket opened",
            decision.Reason);
    }

    [Fact]
    public void On_a_solved_ticket_an_automatic_message_is_kept_marked_and_changes_nothing_else()
    {
        var state = TicketStates.Created();
        state.Apply(TicketDecisions.AddInbound(state, "Where is it?", Origin("m1", null), Now)!);
        state.Apply(TicketDecisions.ChangeStatus(state, TicketStatus.Solved, "agent-1", Now));
        var before = (state.Status, state.LastInbound, state.LastCustomerMessageAt, Clocks: string.Join(";", state.Sla.Views()));

        var added = TicketDecisions.AddInbound(state, "我在休假，12 月 1 日回来。", Origin("m2", "Auto-Submitted: auto-replied"), Now.AddMinutes(5))!;
        state.Apply(added);

        Assert.Null(added.Reply);
        Assert.Equal(new TicketMessageView("customer", "我在休假，12 月 1 日回来。", false, Now.AddMinutes(5), Automatic: "Auto-Submitted: auto-replied"),
            state.Messages[^1]);
        Assert.Equal((before.Status, before.LastInbound, before.LastCustomerMessageAt, before.Clocks),
            (state.Status, state.LastInbound, state.LastCustomerMessageAt, string.Join(";", state.Sla.Views())));
        Assert.Null(TicketDecisions.AddInbound(state, "again", Origin("m2", "Auto-Submitted: auto-replied"), Now.AddMinutes(6)));
    }

    [Fact]
    public void An_automatic_message_starts_no_rules_and_is_read_for_no_fields_while_the_customer_s_own_does()
    {
        var automatic = new MessageAdded("customer", "order 20261111-42", false, Now, "channel:x", Origin("m2", "Precedence: bulk"));
        var own = automatic with { Inbound = Origin("m3", null) };

        Assert.Equal((false, true), (TriggerEventKinds.StartsRules(Committed(automatic)), TriggerEventKinds.StartsRules(Committed(own))));
        Assert.Equal((true, false), (FieldSourceItems.Of(automatic) is null, FieldSourceItems.Of(own) is null));
    }

    private static InboundOrigin Origin(string message, string? automatic) =>
        new($"inbound/{Channel:D}/{message}", Channel, "t1", null, ThreadingRule.Thread, "test", "text", automatic);

    private static CommittedEvent Committed(MessageAdded e) =>
        new(1, 10, "shop", StreamIds.Ticket(A), 3, EventSerializer.TypeName(e), EventSerializer.Serialize(e), Now);

    private static TicketThreadFacts Facts(Guid id, bool open = true, bool closed = false, Guid? customer = null, string[]? threads = null,
        string? orderNo = null, DateTimeOffset? lastWrote = null, Guid? channel = null) =>
        new(id, open, channel ?? Channel, threads ?? [], orderNo, lastWrote ?? Now.AddHours(-1), customer ?? Customer, closed);
}
