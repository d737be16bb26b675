using TicketGrains.Api.Channels.Email;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Postfix and Exchange delivery status notifications (RFC 3464) read for the reply they report on and why it failed.</summary>
public sealed class DeliveryReportTests
{
    private const string ReplyId = "7d0c5e2f9a8b4c3d2e1f0a9b8c7d6e5f";

    [Fact]
    public void A_Postfix_bounce_names_the_returned_reply_and_its_folded_diagnostic()
    {
        var report = DeliveryReport.Of(EmailMessageReader.Load(EmailFixtures.PostfixBounce(ReplyId)));

        Assert.NotNull(report);
        Assert.Equal([$"{ReplyId}@shop.example"], report.ReportedMessageIds);
        Assert.True(report.Failed);
        Assert.Equal("bounced: 5.1.1 smtp; 550 5.1.1 <nobody@customer.test>: Recipient address rejected: User unknown in local recipient table", report.Reason);
    }

    [Fact]
    public void An_Exchange_bounce_names_the_reply_from_its_returned_headers_then_its_own_In_Reply_To()
    {
        var report = DeliveryReport.Of(MailSourceTests.Load("exchange-bounce.eml"));

        Assert.NotNull(report);
        Assert.Equal(["5ce2a1b3c4d54f6a9b8c7d6e5f4a3b2c@shop.example"], report.ReportedMessageIds);
        Assert.Equal(("failed", "5.1.10"), (report.Action, report.Status));
        Assert.Equal("bounced: 5.1.10 smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", report.Reason);
    }

    [Fact]
    public void A_delay_notice_is_a_report_but_no_failure()
    {
        var report = DeliveryReport.Of(MailSourceTests.Load("postfix-delayed.eml"));

        Assert.NotNull(report);
        Assert.Equal(("delayed", "4.4.1", false), (report.Action, report.Status, report.Failed));
    }

    [Theory]
    [InlineData("exchange-out-of-office.eml")]
    [InlineData("customer-outlook.eml")]
    public void Mail_that_is_no_delivery_status_notification_is_no_report(string fixture)
    {
        Assert.Null(DeliveryReport.Of(MailSourceTests.Load(fixture)));
    }

    [Fact]
    public void Our_reply_ids_are_read_back_only_at_the_channel_s_domain()
    {
        var id = Guid.Parse(ReplyId);

        Assert.Equal($"{ReplyId}@shop.example", OutboundMailIds.For(id, "Support@shop.example"));
        Assert.Equal(id, OutboundMailIds.MessageOf($"{ReplyId.ToUpperInvariant()}@SHOP.example", "support@shop.example"));
        Assert.Null(OutboundMailIds.MessageOf($"{ReplyId}@customer.test", "support@shop.example"));
        Assert.Null(OutboundMailIds.MessageOf("second@mail.customer.test", "support@shop.example"));
        Assert.Equal(id, OutboundMailIds.FirstOf(["first@mail.customer.test", $"{ReplyId}@shop.example"], "support@shop.example"));
    }
}
