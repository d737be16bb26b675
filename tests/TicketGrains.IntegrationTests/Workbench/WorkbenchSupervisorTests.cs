using System.Net;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>The supervisor console: queues, agents, SLA risk, surges as they happen, the template switch, and the CSV export that only a supervisor gets.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchSupervisorTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task A_supervisor_sees_queues_and_agents_switches_the_template_exports_csv_and_sees_a_surge_live() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var waiting = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Refund not received", "refund", "urgent"))).Expect(HttpStatusCode.Created);
        (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Size chart?", "presale"))).Expect(HttpStatusCode.Created);
        (await admin.PutAsync("/api/v1/agents/ann", new { capacity = new { chat = 3, email = 10 } })).Expect(HttpStatusCode.OK);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "sam", "supervisor");
        await page.Locator("nav a[href='#/supervisor']").ClickAsync();
        await browser.LoadedAsync("supervisor");

        var queue = waiting.String("queue")!;
        Assert.Equal("1", await page.Locator($"tr[data-queue='{queue}'] td").First.TextContentAsync());
        Assert.Equal("聊天 0/3 · 邮件 0/10", await page.Locator("tr[data-agent='ann'] td").Nth(1).TextContentAsync());
        Assert.Equal("在线", await page.Locator("tr[data-agent='sam'] td").First.TextContentAsync());
        Assert.Equal(["Refund not received"], await page.Locator(".risks li a").AllTextContentsAsync());
        Assert.Equal("warning", await page.Locator(".risks li .sla").GetAttributeAsync("data-state"));
        Assert.Equal(("2", "2"), (await page.Locator("#chart-channel").GetAttributeAsync("data-total"), await page.Locator("#chart-category").GetAttributeAsync("data-total")));
        Assert.Equal("尚未切换过场景模板。", await page.Locator("#active-template").TextContentAsync());
        Assert.NotEqual("", await page.Locator("#surges").TextContentAsync());

        await page.Locator("#template-select").SelectOptionAsync("double11");
        await page.Locator("#apply-template").ClickAsync();
        await page.Locator("#supervisor-notice", new() { HasText = "已切换到“双十一”" }).WaitForAsync(WorkbenchBrowser.Shown);
        await page.Locator("#active-template[data-template=double11]").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.StartsWith("当前模板：双十一（sam 于", await page.Locator("#active-template").TextContentAsync());
        var applied = (await admin.GetAsync("/api/v1/audit?action=template-apply")).Expect(HttpStatusCode.OK).Json.GetProperty("items");
        Assert.Equal(["template:double11"], applied.EnumerateArray().Select(e => e.GetProperty("target").GetString()));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal(("tickets.csv", 3), (download.SuggestedFilename, csv.Length));
        Assert.Contains("Refund not received", csv[1] + csv[2]);
        await WorkbenchAgentTests.SaveAndCheckAsync(browser, "supervisor", "supervisor");

        // A surge shows up from the live feed, without a reload: ten tickets of one category in this new tenant reach the
        // detector's floor (10 in its window) against an empty baseline. The flag lives only as long as the page does.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        Assert.Equal(0, await page.Locator("#surges li.surge").CountAsync());
        for (var i = 1; i <= 10; i++)
        {
            (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create($"物流停了五天 {i}", "logistics_exception"))).Expect(HttpStatusCode.Created);
        }

        await page.Locator("#surges li.surge[data-category=logistics_exception]").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The console was reloaded to show the surge.");
    });

    [Fact]
    public Task An_agent_asking_for_the_export_is_refused_and_told_the_permission() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "bob", "agent");
        Assert.Equal(0, await page.Locator("nav a[href='#/supervisor']").CountAsync());

        await browser.GoAsync("#/supervisor", "supervisor");
        await page.Locator("#export-csv").ClickAsync();

        await page.Locator("#supervisor-notice", new() { HasText = "无权限：需要 reports:export" }).WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal(0, await page.Locator("#csv-download").CountAsync());
    });
}
