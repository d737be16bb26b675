using System.Net;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>The ticket view's tools: a canned reply that also sets the status, and the customer panel's audited reveal.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchTicketToolsTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_sends_a_canned_reply_that_also_sets_the_ticket_pending() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        (await admin.PutAsync("/api/v1/macros/wait-courier", new { title = "催快递", body = "已联系快递公司，今天内会更新物流。", status = "pending" })).Expect(HttpStatusCode.OK);
        (await admin.PutAsync("/api/v1/macros/greet", new { title = "问候", body = "您好，请问有什么可以帮您？" })).Expect(HttpStatusCode.OK);
        var id = (await admin.PostAsync(TicketRequests.Tickets, WorkbenchAgentTests.WeChatTicket("快递不动了", "三天没有物流信息"))).Expect(HttpStatusCode.Created).Id;
        (await admin.PostAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "ken" })).Expect(HttpStatusCode.OK);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "ken", "agent");
        await browser.GoAsync($"#/ticket/{id}", "ticket");

        // The picker fills in once the tenant's macros are read, after the ticket is shown.
        await page.Locator("#macro option").Nth(2).WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.Equal(["（不使用）", "催快递", "问候"], await page.Locator("#macro option").AllTextContentsAsync());
        await page.Locator("#macro").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "催快递" });
        Assert.Equal("已联系快递公司，今天内会更新物流。", await page.Locator("#reply").InputValueAsync());
        await page.Locator("form.reply button[type=submit]").ClickAsync();
        await page.Locator(".ticket-head .status-pending").WaitForAsync(WorkbenchBrowser.Shown);

        var ticket = (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        Assert.Equal("pending", ticket.String("status"));
        var last = ticket.Json.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal(("ken", "已联系快递公司，今天内会更新物流。", false),
            (last.GetProperty("author").GetString(), last.GetProperty("body").GetString(), last.GetProperty("internal").GetBoolean()));
    });

    [Fact]
    public Task The_customer_panel_is_masked_until_a_senior_agent_reveals_it_and_the_reveal_is_audited() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var created = (await admin.PostAsync(TicketRequests.Tickets, new
        {
            channel = "wechat",
            customer = new { externalId = "o6_" + Guid.NewGuid().ToString("N")[..16], name = "韩梅梅", phone = "13812345678", email = "han.meimei@example.cn" },
            subject = "发票抬头", body = "请开公司抬头的发票", category = "invoice", priority = "normal",
        })).Expect(HttpStatusCode.Created);
        var (id, customer) = (created.Id, created.Json.GetProperty("customerId").GetGuid());
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "sue", "senior-agent");
        await browser.GoAsync($"#/ticket/{id}", "ticket");
        await page.Locator("#customer").WaitForAsync(WorkbenchBrowser.Shown);

        var phone = page.Locator("#customer-phone");
        Assert.NotEqual("13812345678", await phone.TextContentAsync());
        Assert.Contains("*", await phone.TextContentAsync());
        Assert.Equal("已脱敏", await page.Locator("#pii-state").TextContentAsync());
        Assert.Empty(await AuditedAsync(admin, "read-unmasked", customer));
        // Nothing to read from the message: the fields section says what will appear there instead of standing empty.
        Assert.Equal("暂无字段。从会话、截图或语音中读出的订单号、快递单号等会显示在这里。", await page.Locator("#fields-empty").TextContentAsync());
        await Screenshots.SaveAsync(page, "customer-masked", "zh");

        await page.Locator("#reveal-customer").ClickAsync();
        await page.Locator("#pii-state.revealed").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal(("13812345678", "han.meimei@example.cn", "韩梅梅"),
            (await phone.TextContentAsync(), await page.Locator("#customer-email").TextContentAsync(), await page.Locator("#customer-name").TextContentAsync()));
        Assert.Equal(["sue"], await AuditedAsync(admin, "reveal", customer));
        Assert.Equal(0, await page.Locator("#reveal-customer").CountAsync());
        await Screenshots.SaveAsync(page, "customer-revealed", "zh");
    });

    [Fact]
    public Task An_agent_without_pii_read_gets_no_reveal_and_the_server_refuses_one() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var created = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Where is my parcel"))).Expect(HttpStatusCode.Created);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!, "en");
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "al", "agent");
        await browser.GoAsync($"#/ticket/{created.Id}", "ticket");
        await page.Locator("#customer").WaitForAsync(WorkbenchBrowser.Shown);

        Assert.Equal(0, await page.Locator("#reveal-customer").CountAsync());
        var agent = product.Client(admin.Tenant, TestTokens.Mint(admin.Tenant!, "al", ["agent"]));
        var refused = await agent.PostAsync($"/api/v1/customers/{created.Json.GetProperty("customerId").GetGuid()}/reveal");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("pii:read", refused.Text, StringComparison.Ordinal);
    });

    [Fact]
    public Task An_agent_accepts_a_proposed_order_number_read_from_the_text() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        // The ticket holds an order number and the customer writes another: the reader proposes it instead of filling it.
        var id = (await admin.PostAsync(TicketRequests.Tickets, WorkbenchAgentTests.WeChatTicket("订单号写错了", "不好意思，正确的订单号：3456789012345678902")))
            .Expect(HttpStatusCode.Created).Id;
        (await admin.PostAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "ivy" })).Expect(HttpStatusCode.OK);
        await Poll.UntilAsync("the proposed order number", TimeSpan.FromSeconds(30), async () =>
            (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json.GetProperty("proposedFields").GetArrayLength() == 1);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "ivy", "agent");
        await browser.GoAsync($"#/ticket/{id}", "ticket");

        var proposal = page.Locator(".proposal[data-field=orderNo]");
        Assert.Equal(("文本", "置信度 95%"), (await proposal.Locator(".source").TextContentAsync(), await proposal.Locator(".confidence").TextContentAsync()));
        Assert.Equal("20261111-42", (await page.Locator("dd[data-field=orderNo]").TextContentAsync())?.Trim());
        Assert.Equal(0, await page.Locator("#fields-empty").CountAsync());
        await Screenshots.SaveAsync(page, "ticket-fields", "zh");
        await proposal.Locator("button.accept").ClickAsync();
        await page.Locator("#ticket-notice", new() { HasText = "已采用“订单号”" }).WaitForAsync(WorkbenchBrowser.Shown);

        Assert.Equal(0, await page.Locator(".proposal").CountAsync());
        Assert.StartsWith("3456789012345678902", await page.Locator("dd[data-field=orderNo]").TextContentAsync());
        Assert.Equal("文本", await page.Locator("dd[data-field=orderNo] .source").TextContentAsync());
        var ticket = (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("3456789012345678902", "text", 0), (ticket.GetProperty("fields").GetProperty("orderNo").GetString(),
            ticket.GetProperty("fieldSources").GetProperty("orderNo").GetString(), ticket.GetProperty("proposedFields").GetArrayLength()));
    });

    /// <summary>The actors of the tenant's audit entries of an action on the customer.</summary>
    private static async Task<List<string?>> AuditedAsync(ApiClient admin, string action, Guid customer) =>
        [.. (await admin.GetAsync($"/api/v1/audit?action={action}&target=customer:{customer}")).Expect(HttpStatusCode.OK).Json.GetProperty("items")
            .EnumerateArray().Select(e => e.GetProperty("actor").GetString())];
}
