using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Channels.Outbound;

public sealed class ReplyRoutesTests
{
    private static readonly Guid WeChat = Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6a");
    private static readonly Guid Email = Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6b");
    private static readonly InboundOrigin First = new("inbound/wechat/first", WeChat, "thread-a", null, "new", "no open ticket");
    private static readonly InboundOrigin Later = new("inbound/email/later", Email, "thread-b", null, "order", "same order");

    private static TicketState FromChannel()
    {
        var state = new TicketState();
        state.Apply(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command() with { Channel = "wechat", Inbound = First }, TicketStates.T0));
        return state;
    }

    [Fact]
    public void An_agents_public_reply_goes_back_on_the_channel_of_the_customers_last_message()
    {
        var state = FromChannel();
        state.Apply(TicketDecisions.AddInbound(state, "还有这个订单", Later, TicketStates.T0)!);

        var reply = TicketDecisions.AddMessage(state, "ann", "已为您查询", isInternal: false, TicketStates.T0, "ann");
        state.Apply(reply);

        Assert.Equal(new ReplyRoute(ReplyRoutes.MessageId(state.Id, 3), Email, "inbound/email/later", state.CustomerId), reply.Reply);
        Assert.Equal(new MessageDelivery(reply.Reply!.MessageId, Email, "queued", 0), state.Messages[^1].Delivery);
    }

    [Fact]
    public void Internal_notes_customer_messages_and_tickets_opened_through_the_api_send_nothing()
    {
        var state = FromChannel();
        var apiTicket = TicketStates.Created();

        Assert.Null(TicketDecisions.AddMessage(state, "ann", "check the warehouse", isInternal: true, TicketStates.T0, "ann").Reply);
        Assert.Null(TicketDecisions.AddInbound(state, "hello?", Later, TicketStates.T0)!.Reply);
        Assert.Null(TicketDecisions.AddMessage(apiTicket, "ann", "on its way", isInternal: false, TicketStates.T0, "ann").Reply);
    }

    [Fact]
    public void A_rules_public_reply_is_routed_like_an_agents_and_its_internal_one_is_not()
    {
        var state = FromChannel();
        var attributes = new Dictionary<string, string>();

        var reply = (MessageAdded)TriggerActions.Decide(new RuleAction { Type = "reply", Body = "已发货" }, state, attributes, "trigger:shipped", TicketStates.T0)!;
        var note = (MessageAdded)TriggerActions.Decide(new RuleAction { Type = "reply", Body = "check", Internal = true }, state, attributes, "trigger:shipped",
            TicketStates.T0)!;

        Assert.Equal(new ReplyRoute(ReplyRoutes.MessageId(state.Id, 2), WeChat, "inbound/wechat/first", state.CustomerId), reply.Reply);
        Assert.Null(note.Reply);
    }

    [Fact]
    public void The_outbound_message_id_is_the_same_whenever_it_is_derived_and_differs_per_version()
    {
        var ticket = Guid.Parse("0193a1b2-0000-7000-8000-000000000042");

        Assert.Equal(ReplyRoutes.MessageId(ticket, 4), ReplyRoutes.MessageId(ticket, 4));
        Assert.NotEqual(ReplyRoutes.MessageId(ticket, 4), ReplyRoutes.MessageId(ticket, 5));
        Assert.Equal(8, ReplyRoutes.MessageId(ticket, 4).Version);
    }
}
