using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Email;

namespace TicketGrains.IntegrationTests.Channels.Email;

/// <summary>
/// Real SMTP sessions (swaks) to the silo's listener, to the ticket read through the API: GBK and UTF-8 mail, a reply
/// joining its thread, a retry storm stored once, and refused mail stored not at all.
/// </summary>
public sealed class EmailInboundTests(EmailClusterFixture cluster, ITestOutputHelper output) : IClassFixture<EmailClusterFixture>
{
    private const string Customer = "li.lei@example.cn";

    [Fact]
    public Task A_GBK_mail_opens_a_ticket_and_a_reply_in_its_thread_joins_it() => cluster.RunAsync(output, async () =>
    {
        var (admin, channel, address) = await CreateChannelAsync();

        Assert.Equal(0, (await SendFixtureAsync(address, "gbk-base64.eml")).ExitCode);
        var reply = await Swaks.SendAsync(cluster.SmtpPort, "--to", address, "--from", Customer,
            "--header", "From: =?UTF-8?B?5p2O6Zu3?= <Li.Lei@example.cn>",
            "--header", "Subject: =?UTF-8?B?UmU6IOiuouWNlQ==?=",
            "--header", "Message-Id: <gbk-0002@mail.example.cn>",
            "--header", "In-Reply-To: <gbk-0001@mail.example.cn>",
            "--header", "References: <gbk-0001@mail.example.cn>",
            "--attach-type", "text/plain; charset=UTF-8", "--attach-body", "还在等");
        Assert.Equal(0, reply.ExitCode);

        var ticket = await InboundTickets.OfAsync(admin, Customer, "email");
        Assert.Equal(("email", "订单 20261111-42 还没发货"), (ticket.GetProperty("channel").GetString(), ticket.GetProperty("subject").GetString()));
        var messages = await InboundTickets.MessagesAsync(admin, ticket.GetProperty("id").GetGuid(), count: 2);
        Assert.Equal(["你好，我的订单 20261111-42 三天了还没有发货。\n请帮忙查一下。", "还在等"], messages);
        Assert.Equal(2, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    [Fact]
    public Task The_same_mail_sent_three_times_is_stored_once() => cluster.RunAsync(output, async () =>
    {
        var (admin, channel, address) = await CreateChannelAsync();

        var sessions = await Task.WhenAll(SendFixtureAsync(address, "nested-multipart.eml"), SendFixtureAsync(address, "nested-multipart.eml"));
        sessions = [.. sessions, await SendFixtureAsync(address, "nested-multipart.eml")];

        Assert.All(sessions, session => Assert.Contains("<-  250 2.0.0 stored", session.Transcript));
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, channel));
        var ticket = await InboundTickets.OfAsync(admin, "zhang.san@example.com", "email");
        var ticketId = ticket.GetProperty("id").GetGuid();
        Assert.Equal(["Please find the invoice attached. 谢谢！\n[file logo.png (image/png, 29 bytes)]\n[file 发票.pdf (application/pdf, 25 bytes)]"],
            await InboundTickets.MessagesAsync(admin, ticketId, count: 1));
        // Each attachment stored once, whatever the retries, and downloadable as its content says it is.
        var files = await Attachments.AttachmentRequests.EventsAsync(admin, ticketId, "AttachmentAdded");
        await Poll.UntilAsync("both attachments on the ticket", TimeSpan.FromSeconds(30), async () =>
            (files = await Attachments.AttachmentRequests.EventsAsync(admin, ticketId, "AttachmentAdded")).Count == 2);
        Assert.Equal(["logo.png", "发票.pdf"], files.Select(f => f.GetProperty("fileName").GetString()));
        var pdf = await Attachments.AttachmentRequests.DownloadAsync(cluster.Http, admin.Tenant!, files[1].GetProperty("attachmentId").GetGuid());
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.Status, pdf.ContentType));
        Assert.Equal(Convert.FromBase64String("JVBERi0xLjQKJSBpbnZvaWNlCiUlRU9GCg=="), pdf.Content);
        Assert.Equal(2L, (await cluster.Database.ColumnAsync<long>("SELECT count(*) FROM tg_attachments WHERE tenant_id = $1", admin.Tenant!)).Single());
    });

    [Fact]
    public Task Mail_for_an_unknown_address_or_over_the_size_limit_is_refused_and_stores_nothing() => cluster.RunAsync(output, async () =>
    {
        var (_, channel, address) = await CreateChannelAsync();

        var unknown = await Swaks.SendAsync(cluster.SmtpPort, "--to", "nobody-" + address, "--from", Customer);
        var oversized = await Swaks.SendAsync(cluster.SmtpPort, "--to", address, "--from", Customer, "--body", new string('x', 100_000));

        Assert.Contains("<** 550", unknown.Transcript);
        Assert.Contains("<** 552", oversized.Transcript);
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    [Fact]
    public Task An_HTTP_push_to_an_email_channel_is_refused_405_naming_the_method() => cluster.RunAsync(output, async () =>
    {
        var (_, channel, _) = await CreateChannelAsync();

        var pushed = await new ApiClient(cluster.Http, null, "").PostAsync($"/api/v1/channels/{channel}/inbound", new { text = "hello" });

        Assert.Equal(["method"], pushed.Expect(HttpStatusCode.MethodNotAllowed).ErrorFields);
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    private async Task<(ApiClient Admin, Guid Channel, string Address)> CreateChannelAsync()
    {
        var admin = cluster.FreshTenant();
        var address = $"support-{Guid.NewGuid():N}@shop.example";
        var created = (await admin.PostAsync("/api/v1/channels", new { type = "email", name = "Shop support", settings = new { address } }))
            .Expect(HttpStatusCode.Created);
        return (admin, created.Id, address);
    }

    private Task<Swaks.Session> SendFixtureAsync(string address, string fixture) =>
        Swaks.SendAsync(cluster.SmtpPort, "--to", address, "--from", Customer, "--data", "@" + EmailFixtures.PathOf(fixture));
}
