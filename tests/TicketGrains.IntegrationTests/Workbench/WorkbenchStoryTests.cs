using System.Net;
using System.Text.Json;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Channels.WeChat;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Email;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// One customer's story across channels in the ticket view: a raw WeChat push and a mail by a real SMTP session from
/// the address the WeChat message gave are linked to one customer (ADR 0014), and the mail's ticket shows both
/// messages in time order, each with its channel, beside a customer panel that lists both identities.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchStoryTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task An_agent_sees_one_customers_WeChat_and_email_messages_in_one_thread() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var order = "2026" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999);
        var email = $"mei.{Guid.NewGuid():N}"[..16] + "@example.cn";
        var settings = new Dictionary<string, string>(WeChatRequests.PlainSettings) { [WeChatSettings.ApiBaseUrl] = $"http://127.0.0.1:{FreePorts.Next()}" };
        var (wechat, wechatChannel) = await InboundPoster.CreateAsync(product.Http, admin, "wechat", settings);
        var mailbox = $"support-{Guid.NewGuid():N}@shop.example";
        (await admin.PostAsync("/api/v1/channels", new { type = "email", name = "Shop support", settings = new { address = mailbox } })).Expect(HttpStatusCode.Created);

        var push = $"""
            <xml><ToUserName><![CDATA[{WeChatPushes.Account}]]></ToUserName><FromUserName><![CDATA[{WeChatPushes.Follower}]]></FromUserName>
            <CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>
            <Content><![CDATA[订单 {order} 还没发货，发票请发到 {email}]]></Content><MsgId>24710836129469001</MsgId></xml>
            """;
        (await wechat.SendAsync(wechatChannel, WeChatRequests.Plain(push, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var wechatTicket = await InboundTickets.OfAsync(admin, WeChatPushes.Follower, "wechat");
        // The mail is linked by the keys the WeChat message gave: wait until the linker recorded them.
        await Poll.UntilAsync("the WeChat message's keys recorded", Deadline, async () =>
            (await product.Database.ColumnAsync<long>("SELECT count(*) FROM tg_identity_keys WHERE tenant_id = $1", admin.Tenant!)).Single() >= 2);

        var mail = await Swaks.SendAsync(product.SmtpPort, "--to", mailbox, "--from", email, "--header", $"Subject: Invoice for order {order}",
            "--body", $"Please send the invoice for order {order} as well.");
        Assert.Equal(0, mail.ExitCode);
        JsonElement context = default;
        await Poll.UntilAsync("the mail's ticket in the WeChat customer's context", Deadline, async () =>
        {
            context = (await admin.GetAsync($"/api/v1/customers?channel=email&externalId={Uri.EscapeDataString(email)}")).Json;
            return context.ValueKind == JsonValueKind.Object && context.TryGetProperty("recentTickets", out var tickets) && tickets.GetArrayLength() == 2;
        });
        var mailTicket = context.GetProperty("recentTickets").EnumerateArray().Single(t => t.GetProperty("channel").GetString() == "email").GetProperty("id").GetGuid();

        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "mia", "agent");
        await browser.GoAsync($"#/ticket/{mailTicket}", "ticket");
        await page.Locator("main[data-story=loaded]").WaitForAsync(WorkbenchBrowser.Shown);

        var customerMessages = page.Locator(".thread li.customer");
        Assert.Equal(2, await customerMessages.CountAsync());
        Assert.Equal(["wechat", "email"], await customerMessages.Locator(".via").EvaluateAllAsync<string[]>("vias => vias.map(v => v.dataset.channel)"));
        Assert.Contains("还没发货", await customerMessages.Nth(0).Locator(".body").TextContentAsync());
        Assert.Contains("Please send the invoice", await customerMessages.Nth(1).Locator(".body").TextContentAsync());
        Assert.Equal(wechatTicket.GetProperty("id").GetGuid().ToString(), await customerMessages.Nth(0).GetAttributeAsync("data-ticket"));
        Assert.Equal(["email", "wechat"], (await page.Locator("#customer .identities li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.channel)")).Order());

        await Screenshots.SaveAsync(page, "ticket-story", "zh");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "ticket-story (zh)");
        await page.Locator("#whole-story").UncheckAsync();
        Assert.Equal(["email"], await page.Locator(".thread li.customer .via").EvaluateAllAsync<string[]>("vias => vias.map(v => v.dataset.channel)"));
        await page.Locator("#whole-story").CheckAsync();
        await browser.SwitchLanguageAsync("en", "ticket");
        await page.Locator("main[data-story=loaded]").WaitForAsync(WorkbenchBrowser.Shown);
        await Screenshots.SaveAsync(page, "ticket-story", "en");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "ticket-story (en)");
    });
}
