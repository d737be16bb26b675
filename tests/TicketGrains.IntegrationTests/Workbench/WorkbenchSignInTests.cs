using System.Net;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>Signing in with the development issuer, the two languages, and what the browser remembers of each.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchSignInTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_signs_in_and_the_language_chosen_is_remembered_but_the_session_only_in_its_tab() => product.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        Assert.Equal("登录", await page.Locator("#dev-title").TextContentAsync());
        await Screenshots.SaveAsync(page, "sign-in", "zh");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "sign-in (zh)");

        await browser.SignInAsync(tenant, "alice", "agent");
        Assert.Equal($"alice（{tenant}）", await page.Locator(".user .who").TextContentAsync());
        var agents = (await product.Client(tenant).GetAsync("/api/v1/agents")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal([("alice", "online")], agents.EnumerateArray().Select(a => (a.GetProperty("agentId").GetString(), a.GetProperty("presence").GetString())));
        var saved = await page.EvaluateAsync<string>("() => sessionStorage.getItem('ticketgrains.workbench.session')");
        Assert.Contains($"\"tenant\":\"{tenant}\"", saved);
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('ticketgrains.workbench.session')"));

        await browser.SwitchLanguageAsync("en", "inbox");
        Assert.Equal("Inbox", await page.Locator("h1").TextContentAsync());
        await page.ReloadAsync();
        await browser.LoadedAsync("inbox");
        Assert.Equal(("en", "Inbox"), (await page.Locator("html").GetAttributeAsync("lang"), await page.Locator("h1").TextContentAsync()));

        var otherTab = await page.Context.NewPageAsync();
        await otherTab.GotoAsync(page.Url);
        await otherTab.Locator("#dev-title").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal("Sign in", await otherTab.Locator("#dev-title").TextContentAsync());
        await Screenshots.SaveAsync(otherTab, "sign-in", "en");

        await page.Locator("#sign-out").ClickAsync();
        await page.Locator("#dev-title").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ticketgrains.workbench.session')"));
    });

    [Fact]
    public Task A_refused_sign_in_names_the_field() => product.RunAsync(output, async () =>
    {
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!, "en");
        var page = browser.Page;
        await page.Locator("#tenant").FillAsync("Not A Tenant");
        await page.Locator("#user").FillAsync("alice");
        await page.Locator("form button[type=submit]").First.ClickAsync();

        await page.Locator("#sign-in-error:not(:empty)").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.StartsWith("Something went wrong: tenant:", await page.Locator("#sign-in-error").TextContentAsync());
    });
}
