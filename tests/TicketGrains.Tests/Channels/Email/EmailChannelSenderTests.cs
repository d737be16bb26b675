using Microsoft.Extensions.Time.Testing;
using TicketGrains.Api.Channels.Email;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Replies sent by MailKit in real SMTP sessions to the channel's own listener, which reads them back.</summary>
public sealed class EmailChannelSenderTests
{
    private static readonly Guid TicketId = Guid.Parse("0193a5b2-7c41-7d2e-9f00-123456789abc");
    private static readonly Guid ReplyId = Guid.Parse("0193a5b2-9999-7000-8000-00000000000a");

    /// <summary>The customer's mailbox, here just another channel of the same listener so the reply can be read back.</summary>
    private static readonly ChannelInfo CustomerMailbox = new(
        Guid.NewGuid(), "customer-side", "email", "Customer mailbox", new Dictionary<string, string> { ["address"] = "li.lei@example.cn" });

    [Fact]
    public async Task A_reply_goes_from_the_channel_address_to_the_customer_threaded_with_the_ticket_tag_in_UTF8()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        await using var host = await EmailChannelHost.StartAsync([CustomerMailbox], time: time);
        var reply = new OutboundMessage(ReplyId, TicketId, "Li.Lei@example.cn", "您好，已为您加急处理。\n客服小王", "订单 20261111-42 还没发货", "gbk-0001@mail.example.cn");

        var outcome = await host.Sender.SendAsync(Shop(host.Port), reply, CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered($"{ReplyId:N}@shop.example"), outcome);
        var (mailbox, received) = Assert.Single(host.Acceptor.Accepted);
        Assert.Equal(CustomerMailbox.Id, mailbox.Id);
        InboundMessageAssert.Equal(new InboundMessage
        {
            PlatformMessageId = $"{ReplyId:N}@shop.example",
            SenderId = "support@shop.example",
            SenderName = "Shop A support",
            Kind = InboundKinds.Text,
            SentAt = time.GetUtcNow(),
            Subject = $"Re: 订单 20261111-42 还没发货 [#{TicketId}]",
            Text = "您好，已为您加急处理。\n客服小王",
            ThreadKey = $"ticket:{TicketId}",
            InReplyTo = ["gbk-0001@mail.example.cn"],
        }, received);
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_a_failure_no_retry_can_fix()
    {
        await using var host = await EmailChannelHost.StartAsync([CustomerMailbox]);
        var reply = new OutboundMessage(ReplyId, TicketId, "someone.else@example.cn", "hello", null, null);

        var outcome = await host.Sender.SendAsync(Shop(host.Port), reply, CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.False(outcome.Retryable);
        Assert.StartsWith("550 ", outcome.FailureReason);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_failure_to_retry()
    {
        await using var host = await EmailChannelHost.StartAsync([CustomerMailbox]);
        var closedPort = EmailChannelHost.FreeLoopbackPort();

        var outcome = await host.Sender.SendAsync(Shop(closedPort), new OutboundMessage(ReplyId, TicketId, "li.lei@example.cn", "hello", null, null), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.True(outcome.Retryable);
        Assert.Empty(host.Acceptor.Accepted);
    }

    [Fact]
    public async Task A_channel_without_a_mail_server_is_a_failure_no_retry_can_fix()
    {
        await using var host = await EmailChannelHost.StartAsync([CustomerMailbox]);
        var channel = new ChannelInfo(Guid.NewGuid(), "shop-a", "email", "Shop A", new Dictionary<string, string> { ["address"] = "support@shop.example" });

        var outcome = await host.Sender.SendAsync(channel, new OutboundMessage(ReplyId, TicketId, "li.lei@example.cn", "hello", null, null), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed("the channel's settings address, smtpHost and smtpPort (a port number) are required to send", retryable: false), outcome);
    }

    [Theory]
    [InlineData("订单 20261111-42 还没发货", "Re: 订单 20261111-42 还没发货 [#0193a5b2-7c41-7d2e-9f00-123456789abc]")]
    [InlineData("RE: re: Re: 退款 [#0193a5b2-0000-7000-8000-000000000001]", "Re: 退款 [#0193a5b2-7c41-7d2e-9f00-123456789abc]")]
    [InlineData(null, "Re: [#0193a5b2-7c41-7d2e-9f00-123456789abc]")]
    public void A_reply_subject_has_one_Re_and_only_its_own_ticket_tag(string? subject, string expected)
    {
        Assert.Equal(expected, EmailReplyComposer.Subject(subject, TicketId));
    }

    [Fact]
    public void A_reply_is_written_in_UTF8_headers_and_body()
    {
        var reply = new OutboundMessage(ReplyId, TicketId, "li.lei@example.cn", "已退款", "退款", "gbk-0001@mail.example.cn");
        using var written = new MemoryStream();

        EmailReplyComposer.Compose(Shop(587), reply, DateTimeOffset.UnixEpoch).WriteTo(written);

        var text = System.Text.Encoding.ASCII.GetString(written.ToArray());
        Assert.Contains("Subject: Re: =?utf-8?b?6YCA5qy+?= [#0193a5b2-7c41-7d2e-9f00-123456789abc]", text);
        Assert.Contains("Content-Transfer-Encoding: base64", text);
        Assert.Contains("Content-Type: text/plain; charset=utf-8", text);
        Assert.Contains("In-Reply-To: <gbk-0001@mail.example.cn>", text);
        Assert.Contains("References: <gbk-0001@mail.example.cn>", text);
    }

    [Fact]
    public void A_reply_references_the_whole_thread_ending_with_the_mail_it_answers_but_no_stored_hash()
    {
        var reply = new OutboundMessage(ReplyId, TicketId, "li.lei@example.cn", "好的", "退款", "third@mail.example.cn")
        {
            References = ["first@mail.example.cn", "sha256:0f1e2d", "second@mail.example.cn"],
        };

        var mail = EmailReplyComposer.Compose(Shop(587), reply, DateTimeOffset.UnixEpoch);

        Assert.Equal("third@mail.example.cn", mail.InReplyTo);
        Assert.Equal(["first@mail.example.cn", "second@mail.example.cn", "third@mail.example.cn"], mail.References);
    }

    [Fact]
    public void A_reply_to_a_mail_without_message_id_names_no_thread()
    {
        var mail = EmailReplyComposer.Compose(Shop(587), new OutboundMessage(ReplyId, TicketId, "li.lei@example.cn", "好的", null, "sha256:0f1e2d"),
            DateTimeOffset.UnixEpoch);

        Assert.Equal(((string?)null, 0), (mail.InReplyTo, mail.References.Count));
    }

    [Fact]
    public void A_rule_s_reply_says_it_is_automatic_and_an_agent_s_does_not()
    {
        var agents = new OutboundMessage(ReplyId, TicketId, "li.lei@example.cn", "好的", "退款", "third@mail.example.cn");

        var byAgent = EmailReplyComposer.Compose(Shop(587), agents, DateTimeOffset.UnixEpoch);
        var byRule = EmailReplyComposer.Compose(Shop(587), agents with { Automatic = true }, DateTimeOffset.UnixEpoch);

        Assert.Equal(((string?)null, (string?)null), (byAgent.Headers["Auto-Submitted"], byAgent.Headers["X-Auto-Response-Suppress"]));
        Assert.Equal(("auto-generated", "All"), (byRule.Headers["Auto-Submitted"], byRule.Headers["X-Auto-Response-Suppress"]));
        Assert.Equal((true, true, false, false),
            (AutomaticReplies.IsAutomatic("trigger:shipped"), AutomaticReplies.IsAutomatic($"surge:{Guid.Empty:D}"), AutomaticReplies.IsAutomatic("alice"), AutomaticReplies.IsAutomatic(null)));
    }

    private static ChannelInfo Shop(int smtpPort) => new(
        Guid.NewGuid(), "shop-a", "email", "Shop A support", new Dictionary<string, string>
        {
            ["address"] = "support@shop.example",
            ["smtpHost"] = "127.0.0.1",
            ["smtpPort"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["useTls"] = "false",
        });
}
