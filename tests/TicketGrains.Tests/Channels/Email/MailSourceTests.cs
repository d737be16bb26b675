using System.Text;
using MimeKit;
using TicketGrains.Api.Channels.Email;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>
/// Real-world header sets (Fixtures/, written for these tests after the headers Exchange, Gmail, Mailman and Postfix
/// send) sorted by who sent them: a person, a machine (and what says so), a delivery report, or ourselves.
/// </summary>
public sealed class MailSourceTests
{
    private static readonly string[] OurAddresses = ["support@shop.example"];

    [Theory]
    [InlineData("exchange-out-of-office.eml", "Auto-Submitted: auto-generated")]
    [InlineData("gmail-vacation.eml", "Auto-Submitted: auto-replied")]
    [InlineData("mailing-list.eml", "Precedence: list")]
    public void Automatic_mail_is_a_machine_s_named_by_the_header_that_says_so(string fixture, string mark)
    {
        Assert.Equal(new MailSource(MailSender.Machine, mark, null), Source(Load(fixture), "someone@example.com"));
    }

    [Fact]
    public void An_Outlook_customer_mail_asking_for_no_automatic_answer_is_a_person_s()
    {
        // X-Auto-Response-Suppress asks us not to answer automatically; it does not make the mail automatic, nor does Auto-Submitted: no.
        Assert.Equal(new MailSource(MailSender.Person, null, null), Source(Load("customer-outlook.eml"), "wang.fang@corp.example"));
    }

    [Fact]
    public void The_same_customer_mail_from_the_null_reverse_path_is_a_machine_s()
    {
        Assert.Equal(new MailSource(MailSender.Machine, "null reverse-path (MAIL FROM:<>)", null), Source(Load("customer-outlook.eml"), null));
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied (vacation); owner-email=\"li@example.cn\"", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: Auto-Notified", "Auto-Submitted: auto-notified")]
    [InlineData("Precedence: bulk", "Precedence: bulk")]
    [InlineData("Precedence: junk", "Precedence: junk")]
    [InlineData("Precedence: auto_reply", "Precedence: auto_reply")]
    [InlineData("X-Autoreply: yes", "X-Autoreply")]
    [InlineData("X-Autorespond: Vacation program 1.2", "X-Autorespond")]
    [InlineData("Auto-Submitted: no\nPrecedence: list", "Precedence: list")]
    public void Each_mark_of_automatic_mail_is_named(string headers, string mark)
    {
        Assert.Equal(mark, AutomaticMail.MarkOf(Mail(headers).Headers, nullReversePath: false));
    }

    [Theory]
    [InlineData("Auto-Submitted: no")]
    [InlineData("Auto-Submitted: NO (a person)")]
    [InlineData("Precedence: first-class")]
    [InlineData("X-Autoreply: no")]
    [InlineData("X-Auto-Response-Suppress: OOF, AutoReply")]
    public void Headers_that_do_not_mark_a_mail_automatic(string headers)
    {
        Assert.Null(AutomaticMail.MarkOf(Mail(headers).Headers, nullReversePath: false));
    }

    [Theory]
    [InlineData("postfix-bounce.eml")]
    [InlineData("exchange-bounce.eml")]
    public void A_delivery_status_notification_is_a_delivery_report_whatever_else_marks_it(string fixture)
    {
        var source = Source(Load(fixture), null);

        Assert.Equal((MailSender.DeliveryReport, "delivery status notification"), (source.Sender, source.Mark));
        Assert.NotNull(source.Report);
    }

    [Fact]
    public void Mail_from_one_of_our_channel_addresses_is_ours_even_from_another_envelope()
    {
        var mail = Mail("From: Shop support <Support@Shop.Example>\nMessage-ID: <fwd-1@relay.example>");

        Assert.Equal(new MailSource(MailSender.Ourselves, "sent from our channel address Support@Shop.Example", null), Source(mail, "relay@relay.example"));
    }

    [Fact]
    public void Mail_with_the_Message_ID_of_one_of_our_replies_is_ours()
    {
        var mail = Mail("From: forwarder@customer.test\nMessage-ID: <4be1f0a2c3d44e5f8a9b0c1d2e3f4a5b@shop.example>");

        Assert.Equal(new MailSource(MailSender.Ourselves, "Message-ID of one of our replies: 4be1f0a2c3d44e5f8a9b0c1d2e3f4a5b@shop.example", null),
            Source(mail, "forwarder@customer.test"));
    }

    [Fact]
    public void A_Message_ID_shaped_like_ours_at_another_domain_is_not_ours()
    {
        var mail = Mail("From: li@customer.test\nMessage-ID: <4be1f0a2c3d44e5f8a9b0c1d2e3f4a5b@customer.test>");

        Assert.Equal(MailSender.Person, Source(mail, "li@customer.test").Sender);
    }

    private static MailSource Source(MimeMessage mail, string? envelopeSender) => MailSource.Of(mail, envelopeSender, OurAddresses);

    internal static MimeMessage Load(string fixture) => EmailMessageReader.Load(EmailFixtures.Bytes(fixture));

    private static MimeMessage Mail(string headers) =>
        EmailMessageReader.Load(Encoding.UTF8.GetBytes(headers + "\nSubject: test\nContent-Type: text/plain\n\nbody\n"));
}
