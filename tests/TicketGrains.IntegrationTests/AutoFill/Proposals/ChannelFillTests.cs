using System.Net;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Channels.WeChat;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Email;
using TicketGrains.Tests.Channels.WeChat;
using static TicketGrains.IntegrationTests.AutoFill.Proposals.ProposalRequests;

namespace TicketGrains.IntegrationTests.AutoFill.Proposals;

/// <summary>
/// Tickets that fill themselves, end to end on a real silo, PostgreSQL, tesseract and SMTP session: a WeChat picture of
/// an order page and an e-mailed screenshot give the ticket its order number from OCR; a WeChat voice note's recognition
/// gives it from speech. Each reading is one FieldsProposed event naming its source.
/// </summary>
[Collection(ProposalCollection.Name)]
public sealed class ChannelFillTests(ProposalClusterFixture cluster, ITestOutputHelper output)
{
    private const string OrderNo = "3456789012345678901";
    private static readonly string[] OrderPage = ["订单详情", $"订单编号：{OrderNo}", "实付款：¥128.50"];

    [Fact]
    public Task A_wechat_picture_of_an_order_page_fills_the_order_number_from_ocr() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeChatRequests.AppId, WeChatRequests.AppSecret);
        var screenshot = await TestScreenshots.RenderAsync(OrderPage, "png");
        platform.OnFile("/cgi-bin/media/get", _ => new PlatformFile(screenshot, "image/png", "img_Kx81mfQ0a.png"));
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wechat",
            new Dictionary<string, string>(WeChatRequests.PlainSettings) { [WeChatSettings.ApiBaseUrl] = platform.BaseUrl });

        (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Image, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var id = (await poster.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
        var ticket = await TicketWhenAsync(api, id, "the order number read from the picture", t => HasField(t, "orderNo"));
        Assert.Equal((OrderNo, "ocr", "128.50", "ocr"), (Field(ticket, "orderNo"), Source(ticket, "orderNo"), Field(ticket, "amount"), Source(ticket, "amount")));
        var reading = Assert.Single(await ReadingsAsync(api, id));
        var order = reading.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "orderNo");
        Assert.Equal(("ocr", true), (order.GetProperty("source").GetString(), order.GetProperty("filled").GetBoolean()));
        Assert.True(order.TryGetProperty("attachmentId", out _));
    });

    [Fact]
    public Task An_emailed_screenshot_fills_the_order_number_from_ocr() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var address = $"support-{Guid.NewGuid():N}@shop.example";
        (await api.PostAsync("/api/v1/channels", new { type = "email", name = "Shop support", settings = new { address } })).Expect(HttpStatusCode.Created);
        var folder = Directory.CreateTempSubdirectory("tg-fill-").FullName;
        try
        {
            var shot = Path.Combine(folder, "order.jpg");
            await File.WriteAllBytesAsync(shot, await TestScreenshots.RenderAsync(OrderPage, "jpeg", dark: true));
            var customer = $"buyer-{Guid.NewGuid():N}@example.cn";

            var session = await Swaks.SendAsync(cluster.SmtpPort, "--to", address, "--from", customer, "--header", "Subject: Order problem",
                "--body", "Please see the screenshot.", "--attach-type", "image/jpeg", "--attach-name", "order.jpg", "--attach", "@" + shot);

            Assert.Equal(0, session.ExitCode);
            var id = (await InboundTickets.OfAsync(api, customer, "email")).GetProperty("id").GetGuid();
            var ticket = await TicketWhenAsync(api, id, "the order number read from the screenshot", t => HasField(t, "orderNo"));
            Assert.Equal((OrderNo, "ocr"), (Field(ticket, "orderNo"), Source(ticket, "orderNo")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    [Fact]
    public Task A_wechat_voice_note_fills_the_order_number_from_its_recognition_as_speech() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeChatRequests.AppId, WeChatRequests.AppSecret);
        platform.OnFile("/cgi-bin/media/get", _ => new PlatformFile(Tests.Attachments.SampleFiles.Amr(4_000), "audio/amr", "voice_9Qa1z.amr"));
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wechat",
            new Dictionary<string, string>(WeChatRequests.PlainSettings) { [WeChatSettings.ApiBaseUrl] = platform.BaseUrl });
        var voice = WeChatPushes.Voice.Replace("我要退货", $"我的订单号是{OrderNo}还没发货", StringComparison.Ordinal)
            .Replace("voice_3Jd9w", "voice_9Qa1z", StringComparison.Ordinal);

        (await poster.SendAsync(channel, WeChatRequests.Plain(voice, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var id = (await poster.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
        var ticket = await TicketWhenAsync(api, id, "the order number heard in the voice note", t => HasField(t, "orderNo"));
        Assert.Equal((OrderNo, "speech"), (Field(ticket, "orderNo"), Source(ticket, "orderNo")));
        // The voice file's own transcript says the same: read once it is stored, it adds nothing more.
        await Poll.UntilAsync("the voice note stored", Deadline, async () =>
            (await Attachments.AttachmentRequests.EventsAsync(api, id, "AttachmentAdded")).Count == 1);
        Assert.Empty((await api.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json.GetProperty("proposedFields").EnumerateArray());
    });
}
