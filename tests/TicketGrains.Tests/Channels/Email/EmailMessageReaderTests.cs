using System.Security.Cryptography;
using System.Text;
using TicketGrains.Api.Channels.Email;
using TicketGrains.Api.Channels.Inbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Raw mails from Fixtures/ read into exact inbound messages: charsets, transfer encodings, structure, threading.</summary>
public sealed class EmailMessageReaderTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 20, 1, 2, 3, TimeSpan.Zero);

    public static readonly InboundMessage GbkMail = new()
    {
        PlatformMessageId = "gbk-0001@mail.example.cn",
        SenderId = "li.lei@example.cn",
        SenderName = "李雷",
        Kind = InboundKinds.Text,
        SentAt = new DateTimeOffset(2026, 11, 11, 9, 30, 0, TimeSpan.FromHours(8)),
        Subject = "订单 20261111-42 还没发货",
        Text = "你好，我的订单 20261111-42 三天了还没有发货。\n请帮忙查一下。",
        ThreadKey = "gbk-0001@mail.example.cn",
    };

    [Fact]
    public void A_GBK_mail_in_base64_with_encoded_word_headers_reads_as_its_Chinese_text()
    {
        InboundMessageAssert.Equal(GbkMail, Read("gbk-base64.eml"));
    }

    [Fact]
    public void A_GB18030_quoted_printable_reply_keeps_characters_outside_GBK_and_its_thread()
    {
        var expected = new InboundMessage
        {
            PlatformMessageId = "gb18030-0003@example.com",
            SenderId = "han.meimei@example.com",
            SenderName = "韩梅梅",
            Kind = InboundKinds.Text,
            SentAt = new DateTimeOffset(2026, 11, 12, 8, 0, 0, TimeSpan.FromHours(8)),
            Subject = "回复: 退款进度",
            Text = "您好：\n退款什么时候到账？𠮷",
            ThreadKey = "start-0001@example.com",
            InReplyTo = ["start-0001@example.com", "reply-0002@shop.example"],
        };

        InboundMessageAssert.Equal(expected, Read("gb18030-qp.eml"));
    }

    [Fact]
    public void An_HTML_only_mail_becomes_readable_text_without_markup_scripts_or_styles()
    {
        var message = Read("html-only-gb2312.eml");

        Assert.Equal("商品破损", message.Subject);
        Assert.Equal("wang@example.org", message.SenderId);
        Assert.Null(message.SenderName);
        Assert.Equal("您好，\n\n商品有破损&少件，请处理。\n订单号：20261111-77\n\n商品 数量\n杯子 2", message.Text);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public void A_nested_multipart_mail_prefers_the_plain_text_and_keeps_inline_and_attached_files()
    {
        var expected = new InboundMessage
        {
            PlatformMessageId = "nested-0005@example.com",
            SenderId = "zhang.san@example.com",
            SenderName = "Zhang San",
            Kind = InboundKinds.Text,
            SentAt = new DateTimeOffset(2026, 11, 14, 12, 0, 0, TimeSpan.Zero),
            Subject = "Invoice for order 20261111-99",
            Text = "Please find the invoice attached. 谢谢！",
            ThreadKey = "nested-0005@example.com",
            Attachments =
            [
                new InboundAttachment("logo.png", "image/png", Convert.FromHexString("89504e470d0a1a0a0000000d4948445200000001000000010806000000")),
                new InboundAttachment("发票.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n% invoice\n%%EOF\n")),
            ],
        };

        InboundMessageAssert.Equal(expected, Read("nested-multipart.eml"));
    }

    [Fact]
    public void A_mail_without_Message_ID_is_keyed_by_its_hash_and_threads_by_the_ticket_tag_in_its_subject()
    {
        var raw = EmailFixtures.Bytes("no-message-id.eml");
        var expected = new InboundMessage
        {
            PlatformMessageId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw)),
            SenderId = "customer@example.net",
            Kind = InboundKinds.Text,
            SentAt = ReceivedAt,
            Subject = "Re: Where is my parcel? [#0193a5b2-7c41-7d2e-9f00-123456789abc]",
            Text = "Still nothing arrived.",
            ThreadKey = "ticket:0193a5b2-7c41-7d2e-9f00-123456789abc",
        };

        InboundMessageAssert.Equal(expected, EmailMessageReader.Read(raw, "Customer@Example.NET", ReceivedAt));
        Assert.Equal(expected.PlatformMessageId, EmailMessageReader.Read(raw, "customer@example.net", ReceivedAt).PlatformMessageId);
    }

    [Fact]
    public void A_mail_naming_no_sender_anywhere_is_refused()
    {
        var raw = Encoding.ASCII.GetBytes("To: support@shop.example\r\nSubject: hi\r\n\r\nbody\r\n");

        Assert.Throws<FormatException>(() => EmailMessageReader.Read(raw, null, ReceivedAt));
    }

    private static InboundMessage Read(string fixture) => EmailMessageReader.Read(EmailFixtures.Bytes(fixture), "envelope@example.net", ReceivedAt);
}
