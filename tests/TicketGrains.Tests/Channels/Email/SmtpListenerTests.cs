using System.Net;
using System.Net.Sockets;
using System.Text;
using TicketGrains.Api.Channels.Inbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Email;

/// <summary>Real SMTP sessions (swaks) against the listener: what is stored, what is refused and when the sender hears 250.</summary>
public sealed class SmtpListenerTests
{
    private const int MaxMessageBytes = 16 * 1024;

    private static readonly ChannelInfo Shop = new(
        Guid.Parse("0193a5b2-0000-7000-8000-000000000001"), "shop-a", "email", "Shop A support",
        new Dictionary<string, string> { ["address"] = "Support@Shop.Example" });

    [Fact]
    public async Task A_GBK_mail_arrives_as_its_exact_inbound_message_for_the_channel_of_its_recipient()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);

        var session = await SendFixtureAsync(host, "gbk-base64.eml");

        Assert.Equal(0, session.ExitCode);
        var (channel, message) = Assert.Single(host.Acceptor.Accepted);
        Assert.Equal(Shop.Id, channel.Id);
        InboundMessageAssert.Equal(EmailMessageReaderTests.GbkMail, message);
    }

    [Fact]
    public async Task A_UTF8_mail_with_an_attachment_arrives_with_its_text_and_file()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% receipt 20261111-42\n%%EOF\n");
        var file = Path.Combine(Path.GetTempPath(), $"receipt-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var session = await Swaks.SendAsync(host.Port,
                "--to", "support@shop.example", "--from", "li.lei@example.cn",
                "--header", "From: =?UTF-8?B?5p2O6Zu3?= <Li.Lei@example.cn>",
                "--header", "Subject: =?UTF-8?B?6YCA6LSn55Sz6K+3?=",
                "--header", "Date: Thu, 03 Dec 2026 10:00:00 +0800",
                "--header", "Message-Id: <utf8-attach-0001@example.cn>",
                "--attach-type", "text/plain; charset=UTF-8", "--attach-body", "我要退货，发票见附件。",
                "--attach-type", "application/pdf", "--attach-name", "receipt.pdf", "--attach", "@" + file);

            Assert.Equal(0, session.ExitCode);
            var expected = new InboundMessage
            {
                PlatformMessageId = "utf8-attach-0001@example.cn",
                SenderId = "li.lei@example.cn",
                SenderName = "李雷",
                Kind = InboundKinds.Text,
                SentAt = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8)),
                Subject = "退货申请",
                Text = "我要退货，发票见附件。",
                ThreadKey = "utf8-attach-0001@example.cn",
                Attachments = [new InboundAttachment("receipt.pdf", "application/pdf", pdf)],
            };
            InboundMessageAssert.Equal(expected, Assert.Single(host.Acceptor.Accepted).Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_recipient_of_no_channel_is_refused_at_RCPT_with_550()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);

        var session = await Swaks.SendAsync(host.Port, "--to", "sales@shop.example", "--from", "li.lei@example.cn", "--quit-after", "RCPT");

        Assert.NotEqual(0, session.ExitCode);
        Assert.Contains("<** 550", session.Transcript);
        Assert.Empty(host.Acceptor.Accepted);
    }

    [Fact]
    public async Task An_address_configured_on_two_channels_is_deferred_with_451_at_RCPT()
    {
        var otherShop = Shop with { Id = Guid.NewGuid(), Tenant = "shop-b" };
        await using var host = await EmailChannelHost.StartAsync([Shop, otherShop], MaxMessageBytes);

        var session = await SendFixtureAsync(host, "gbk-base64.eml");

        Assert.Contains("<** 451 4.3.0", session.Transcript);
        Assert.Empty(host.Acceptor.Accepted);
    }

    [Fact]
    public async Task A_mail_larger_than_the_limit_is_refused_with_552_while_it_arrives()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);

        var session = await Swaks.SendAsync(host.Port,
            "--to", "support@shop.example", "--from", "li.lei@example.cn", "--body", new string('x', 2 * MaxMessageBytes));

        Assert.NotEqual(0, session.ExitCode);
        Assert.Contains("<** 552 ", session.Transcript);
        Assert.Empty(host.Acceptor.Accepted);
    }

    [Fact]
    public async Task The_greeting_names_no_version_the_size_limit_is_announced_and_a_larger_declared_SIZE_is_refused_at_MAIL()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.Port);
        using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
        await using var writer = new StreamWriter(client.GetStream(), Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };

        var greeting = await ReplyAsync(reader);
        await writer.WriteLineAsync("EHLO client.example");
        var ehlo = await ReplyAsync(reader);
        await writer.WriteLineAsync($"MAIL FROM:<li.lei@example.cn> SIZE={MaxMessageBytes + 1}");
        var mail = await ReplyAsync(reader);

        Assert.Equal("220 ticketgrains ESMTP ready", greeting.TrimEnd());
        Assert.Matches($"(?m)^250[- ]SIZE {MaxMessageBytes}\r?$", ehlo);
        Assert.StartsWith("552 ", mail);
    }

    [Fact]
    public async Task The_same_mail_sent_three_times_is_handed_over_three_times_under_one_Message_ID()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await SendFixtureAsync(host, "gbk-base64.eml")).ExitCode);
        }

        Assert.Equal(["gbk-0001@mail.example.cn", "gbk-0001@mail.example.cn", "gbk-0001@mail.example.cn"],
            host.Acceptor.Accepted.Select(accepted => accepted.Message.PlatformMessageId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_mail_the_acceptor_could_not_store_is_answered_451_so_the_sender_retries(bool byTimeout)
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);
        host.Acceptor.FailNext = 1;
        host.Acceptor.FailByTimeout = byTimeout;

        var failed = await SendFixtureAsync(host, "gbk-base64.eml");
        Assert.Contains("<** 451", failed.Transcript);
        Assert.Empty(host.Acceptor.Accepted);

        var retried = await SendFixtureAsync(host, "gbk-base64.eml");
        Assert.Equal(0, retried.ExitCode);
        Assert.Contains("<-  250 2.0.0 stored", retried.Transcript);
        Assert.Single(host.Acceptor.Accepted);
    }

    [Fact]
    public async Task A_mail_with_no_header_block_is_refused_for_good_with_5_6_0_and_nothing_is_stored()
    {
        await using var host = await EmailChannelHost.StartAsync([Shop], MaxMessageBytes);
        var file = Path.Combine(Path.GetTempPath(), $"headless-{Guid.NewGuid():N}.eml");
        // MimeKit cannot read this as a message at all: a retry would fail the same way, so 4xx would only repeat it.
        await File.WriteAllTextAsync(file, "this line is no header\r\n\r\nbody\r\n");
        try
        {
            var session = await Swaks.SendAsync(host.Port, "--to", "support@shop.example", "--from", "li.lei@example.cn", "--data", "@" + file);

            Assert.Contains("<** 554 5.6.0 Failed to parse message headers.", session.Transcript);
            Assert.Empty(host.Acceptor.Accepted);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<Swaks.Session> SendFixtureAsync(EmailChannelHost host, string fixture) =>
        Swaks.SendAsync(host.Port, "--to", "support@shop.example", "--from", "li.lei@example.cn", "--data", "@" + EmailFixtures.PathOf(fixture));

    /// <summary>One SMTP reply, all its lines ("250-…" continues, "250 …" ends).</summary>
    private static async Task<string> ReplyAsync(StreamReader reader)
    {
        var reply = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            reply.AppendLine(line);
            if (line.Length < 4 || line[3] != '-')
            {
                break;
            }
        }

        return reply.ToString();
    }
}
