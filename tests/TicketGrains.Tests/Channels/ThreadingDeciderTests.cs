using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Channels;
using Xunit;

namespace TicketGrains.Tests.Channels;

public sealed class ThreadingDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Channel = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid OtherChannel = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid A = Guid.Parse("0193a000-0000-7000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("0193a000-0000-7000-8000-00000000000b");

    [Fact]
    public void A_message_of_the_same_conversation_joins_the_open_ticket_within_the_window()
    {
        var tickets = new[] { Ticket(A, threads: ["t1"], lastWrote: Now.AddHours(-71)) };

        var decision = ThreadingDecider.Decide(ThreadingRule.Default, Channel, "t1", null, Now, tickets);

        Assert.Equal((A, ThreadingRule.Thread), (decision.JoinTicket, decision.Rule));
        Assert.Contains("same conversation", decision.Reason);
    }

    [Fact]
    public void Past_the_window_the_same_conversation_opens_a_new_ticket()
    {
        var tickets = new[] { Ticket(A, threads: ["t1"], lastWrote: Now.AddHours(-73)) };

        var decision = ThreadingDecider.Decide(ThreadingRule.Default, Channel, "t1", null, Now, tickets);

        Assert.Equal((null, ThreadingRule.New), (decision.JoinTicket, decision.Rule));
        Assert.Contains("within 72 h", decision.Reason);
    }

    [Fact]
    public void The_same_order_number_joins_when_the_conversation_differs()
    {
        var tickets = new[] { Ticket(A, threads: ["t1"], orderNo: "20261111-42"), Ticket(B, threads: ["t2"], orderNo: "20261111-43") };

        var decision = ThreadingDecider.Decide(ThreadingRule.Default, Channel, "t9", "20261111-43", Now, tickets);

        Assert.Equal((B, ThreadingRule.Order), (decision.JoinTicket, decision.Rule));
    }

    [Fact]
    public void Rules_are_tried_in_the_order_the_channel_gives_them()
    {
        var tickets = new[] { Ticket(A, threads: ["t1"]), Ticket(B, threads: ["t2"], orderNo: "20261111-42") };
        var orderFirst = ThreadingRule.Default with { JoinOn = [ThreadingRule.Order, ThreadingRule.Thread] };

        Assert.Equal(A, ThreadingDecider.Decide(ThreadingRule.Default, Channel, "t1", "20261111-42", Now, tickets).JoinTicket);
        Assert.Equal(B, ThreadingDecider.Decide(orderFirst, Channel, "t1", "20261111-42", Now, tickets).JoinTicket);
    }

    [Fact]
    public void Closed_tickets_and_tickets_of_another_channel_are_never_joined()
    {
        var tickets = new[]
        {
            Ticket(A, threads: ["t1"], open: false),
            Ticket(B, threads: ["t1"], channel: OtherChannel),
        };

        Assert.Null(ThreadingDecider.Decide(ThreadingRule.Default, Channel, "t1", null, Now, tickets).JoinTicket);
    }

    [Fact]
    public void Among_matching_tickets_the_one_the_customer_wrote_on_last_wins()
    {
        var tickets = new[] { Ticket(A, threads: ["t1"], lastWrote: Now.AddHours(-5)), Ticket(B, threads: ["t1"], lastWrote: Now.AddHours(-1)) };

        Assert.Equal(B, ThreadingDecider.Decide(ThreadingRule.Default, Channel, "t1", null, Now, tickets).JoinTicket);
    }

    [Fact]
    public void An_empty_join_list_opens_a_ticket_for_every_message()
    {
        var rule = ThreadingRule.Default with { JoinOn = [] };

        var decision = ThreadingDecider.Decide(rule, Channel, "t1", null, Now, [Ticket(A, threads: ["t1"])]);

        Assert.Equal((null, ThreadingRule.New), (decision.JoinTicket, decision.Rule));
        Assert.Contains("joins no messages", decision.Reason);
    }

    [Theory]
    [InlineData("订单 20261111-42 物流没有更新", "20261111-42")]
    [InlineData("order 202611110000123456 please", "202611110000123456")]
    [InlineData("call me on 13800138000", null)]
    [InlineData(null, null)]
    public void The_default_pattern_finds_order_numbers_and_not_phone_numbers(string? text, string? expected) =>
        Assert.Equal(expected, ThreadingRule.Default.OrderNumberIn(text));

    private static TicketThreadFacts Ticket(
        Guid id, string[] threads, string? orderNo = null, DateTimeOffset? lastWrote = null, bool open = true, Guid? channel = null) =>
        new(id, open, channel ?? Channel, threads, orderNo, lastWrote ?? Now.AddHours(-2));
}
