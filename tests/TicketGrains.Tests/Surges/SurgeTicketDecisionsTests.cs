using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Surges;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Surges;

public sealed class SurgeTicketDecisionsTests
{
    private static readonly Guid Surge = Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6a");
    private static readonly Guid Problem = Guid.Parse("0190f0a4-7b1e-7c3d-9a55-3f2e1d0c4b6b");
    private static readonly InboundOrigin FromWeChat = new("inbound/wechat/m-1", Guid.NewGuid(), "thread-a", "20261111-42", "new", "no open ticket");
    private static readonly Dictionary<string, string> Notice = new() { ["zh"] = "物流延迟，我们正在处理", ["en"] = "Deliveries are delayed" };

    private static TicketState FromChannel(string subject = "快递三天没动")
    {
        var state = new TicketState();
        state.Apply(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command() with { Channel = "wechat", Subject = subject, Inbound = FromWeChat }, TicketStates.T0));
        return state;
    }

    [Fact]
    public void The_notice_is_one_public_reply_through_the_customer_s_channel_and_a_repeat_adds_nothing()
    {
        var state = FromChannel();

        var notice = SurgeTicketDecisions.Notice(state, Surge, Notice, TicketStates.T0)!;
        state.Apply(notice);

        Assert.Equal(("物流延迟，我们正在处理", false, $"surge:{Surge:D}"), (notice.Body, notice.Internal, notice.Author));
        Assert.Equal(FromWeChat.ChannelId, notice.Reply!.ChannelId);
        Assert.True(SurgeTicketDecisions.Noticed(state, Surge));
        Assert.Null(SurgeTicketDecisions.Notice(state, Surge, Notice, TicketStates.T0));
    }

    [Fact]
    public void A_solved_ticket_gets_no_notice()
    {
        var state = FromChannel().With(new StatusChanged("new", "solved", "ann", TicketStates.T0));

        Assert.Null(SurgeTicketDecisions.Notice(state, Surge, Notice, TicketStates.T0));
    }

    [Fact]
    public void The_link_names_the_surge_and_its_problem_ticket_once()
    {
        var state = FromChannel("Where is my parcel");

        var link = SurgeTicketDecisions.Link(state, Surge, Problem, TicketStates.T0)!;
        state.Apply(link);

        Assert.Equal(Surge.ToString("D"), state.Fields["surgeId"]);
        Assert.Equal(Problem.ToString("D"), state.Fields["problemTicketId"]);
        Assert.Null(SurgeTicketDecisions.Link(state, Surge, Problem, TicketStates.T0));
        Assert.Equal("Deliveries are delayed", SurgeTicketDecisions.Notice(state, Surge, Notice, TicketStates.T0)!.Body);
    }

    [Fact]
    public void While_a_category_surges_its_new_tickets_go_to_the_surge_queue_proposed_ones_too()
    {
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        SurgeRouting.Take(routes, "logistics_exception", "surge");
        var proposed = TicketStates.Command() with { ProposedCategory = new CategoryConfidence("logistics_exception", 0.4) };

        Assert.Equal("surge", SurgeRouting.Route(routes, TicketStates.Command("logistics_exception"))!.Queue);
        Assert.Equal("surge", SurgeRouting.Route(routes, proposed)!.Queue);
        Assert.Null(SurgeRouting.Route(routes, TicketStates.Command("refund")));

        SurgeRouting.Take(routes, "logistics_exception", "");
        Assert.Null(SurgeRouting.Route(routes, TicketStates.Command("logistics_exception")));
    }
}
