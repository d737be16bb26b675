using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Privacy;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>
/// Real SMTP sessions (swaks) with mail no person wrote: an out-of-office reply stored marked and naming its ticket,
/// a bounce failing the reply it returns and storing nothing, our own mail dropped.
/// </summary>
public sealed class AutomaticMailListenerTests
{
    private static readonly ChannelInfo Shop = new(
        Guid.Parse("0193a5b2-0000-7000-8000-000000000001"), "shop-a", "email", "Shop A support",
        new Dictionary<string, string> { ["address"] = "Support@Shop.Example" });

    private static readonly Guid Ticket = Guid.Parse("0193a5b2-7c41-7d2e-9f00-123456789abc");

    [Fact]
    public async Task An_Exchange_out_of_office_reply_is_stored_marked_without_files_naming_the_ticket_its_subject_tags()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop]);

        var session = await SendFixtureAsync(host, "exchange-out-of-office.eml", "wang.fang@corp.example");

        Assert.Contains("<-  250 2.0.0 stored", session.Transcript);
        var expected = new InboundMessage
        {
            PlatformMessageId = "OOF-3f2a9c1e8b7d4e6fa1b2c3d4e5f60718@EX02.corp.example",
            SenderId = "wang.fang@corp.example",
            SenderName = "Wang Fang",
            Kind = InboundKinds.Text,
            SentAt = new DateTimeOffset(2026, 11, 23, 2, 15, 1, TimeSpan.Zero),
            Subject = $"Automatic reply: Re: Refund status [#{Ticket:D}]",
            Text = "我在休假，12 月 1 日回来。",
            ThreadKey = $"ticket:{Ticket:D}",
            InReplyTo = ["first@mail.corp.example", "4be1f0a2c3d44e5f8a9b0c1d2e3f4a5b@shop.example"],
            Automatic = "Auto-Submitted: auto-generated",
        };
        InboundMessageAssert.Equal(expected, Assert.Single(host.Acceptor.Accepted).Message);
    }

    [Fact]
    public async Task A_vacation_notice_without_a_ticket_tag_names_the_ticket_of_the_reply_it_answers()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop]);
        host.SentReplies.Sent(Shop.Tenant, Guid.Parse("4be1f0a2c3d44e5f8a9b0c1d2e3f4a5b"), Ticket);

        var session = await SendFixtureAsync(host, "gmail-vacation.eml", "han.meimei@gmail.example");

        Assert.Contains("<-  250 2.0.0 stored", session.Transcript);
        var message = Assert.Single(host.Acceptor.Accepted).Message;
        Assert.Equal(($"ticket:{Ticket:D}", "Auto-Submitted: auto-replied", "I am on holiday until 1 December and will read your mail then."),
            (message.ThreadKey, message.Automatic, message.Text));
    }

    [Fact]
    public async Task A_bounce_of_a_sent_reply_fails_it_with_the_report_s_reason_and_stores_nothing()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop]);
        var reply = Guid.NewGuid();
        host.SentReplies.Sent(Shop.Tenant, reply, Ticket);
        var bounce = Path.Combine(Path.GetTempPath(), $"bounce-{reply:N}.eml");
        await File.WriteAllBytesAsync(bounce, EmailFixtures.PostfixBounce(reply.ToString("N")));
        try
        {
            var session = await Swaks.SendAsync(host.Port, "--to", "support@shop.example", "--from", "", "--data", "@" + bounce);

            Assert.Contains("<-  250 2.0.0 delivery report recorded", session.Transcript);
            Assert.Empty(host.Acceptor.Accepted);
            const string Reason = "bounced: 5.1.1 smtp; 550 5.1.1 <nobody@customer.test>: Recipient address rejected: User unknown in local recipient table";
            Assert.Equal(Reason, host.SentReplies.FailureOf(Shop.Tenant, reply));
            // Its second outcome goes to the silos with the address masked, as webhooks and agents without pii:read see it.
            Assert.Equal(new ReplyBounce(Shop.Tenant, Ticket, reply, Guid.Empty, 1, null, FreeTextMask.Mask(Reason)), Assert.Single(host.Bounces.Recorded));
            Assert.DoesNotContain("nobody@customer.test", host.Bounces.Recorded[0].MaskedReason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bounce);
        }
    }

    [Fact]
    public async Task A_bounce_of_no_reply_of_ours_changes_nothing_and_stores_nothing()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop]);

        var session = await Swaks.SendAsync(host.Port, "--to", "support@shop.example", "--from", "", "--data", "@" + EmailFixtures.PathOf("postfix-bounce.eml"));

        Assert.Contains("<-  250 2.0.0 delivery report recorded", session.Transcript);
        Assert.Empty(host.Acceptor.Accepted);
        Assert.Empty(host.Bounces.Recorded);
    }

    [Fact]
    public async Task Mail_from_our_own_channel_address_is_dropped_not_stored()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop]);

        var session = await Swaks.SendAsync(host.Port, "--to", "support@shop.example", "--from", "support@shop.example",
            "--header", "Subject: Re: Refund status", "--body", "looping back");

        Assert.Contains("<-  250 2.0.0 dropped: our own mail", session.Transcript);
        Assert.Empty(host.Acceptor.Accepted);
    }

    private static Task<Swaks.Session> SendFixtureAsync(EmailChannelHost host, string fixture, string from) =>
        Swaks.SendAsync(host.Port, "--to", "support@shop.example", "--from", from, "--data", "@" + EmailFixtures.PathOf(fixture));
}
