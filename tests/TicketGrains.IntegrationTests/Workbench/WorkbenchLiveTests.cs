using System.Net;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// The live feed in the browser: changes show without reload, also those made while the connection was down, and a
/// reply being written survives the redraw they cause.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchLiveTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task Assignments_and_messages_appear_without_reload_and_after_a_dropped_connection() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!, "en");
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "carol", "agent");
        await page.Locator("#live-state[data-connected=true]").WaitForAsync(WorkbenchBrowser.Shown);

        var id = (await admin.PostAsync(TicketRequests.Tickets, WorkbenchAgentTests.WeChatTicket("发票抬头写错了", "请重开发票"))).Expect(HttpStatusCode.Created).Id;
        (await admin.PostAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "carol" })).Expect(HttpStatusCode.OK);
        await page.Locator($"tr[data-ticket='{id}']").WaitForAsync(WorkbenchBrowser.Shown);

        await page.Locator($"tr[data-ticket='{id}'] a").ClickAsync();
        await browser.LoadedAsync("ticket");
        // The agent is half-way through a note when the feed's news redraws the ticket: the draft must survive it.
        await page.Locator("#reply").FillAsync("正在核对发票信息");
        await page.Locator("#internal").CheckAsync();
        (await admin.PostAsync($"/api/v1/tickets/{id}/messages", new { author = "sam", body = "财务今天下午处理", @internal = true })).Expect(HttpStatusCode.OK);
        await page.Locator(".thread li.internal .body", new() { HasText = "财务今天下午处理" }).WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal(("正在核对发票信息", true), (await page.Locator("#reply").InputValueAsync(), await page.Locator("#internal").IsCheckedAsync()));

        // Offline ends the feed's connection; what happens meanwhile arrives after the reconnect, from its Last-Event-ID.
        await page.Context.SetOfflineAsync(true);
        await page.Locator("#live-state[data-connected=false]").WaitForAsync(WorkbenchBrowser.Shown);
        (await admin.PostAsync($"/api/v1/tickets/{id}/messages", new { author = "sam", body = "已重开，请查收", @internal = true })).Expect(HttpStatusCode.OK);
        await page.Context.SetOfflineAsync(false);
        await page.Locator(".thread li.internal .body", new() { HasText = "已重开，请查收" }).WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal(1, await page.Locator("#live-state[data-connected=true]").CountAsync());
    });
}
