using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// The widget in a real browser: a shop's page on its own origin embeds the product's script, the visitor writes, the
/// message becomes a ticket, and the agent's reply shows in the widget. And the hosted web form, end to end.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class WebWidgetBrowserTests(ApiClusterFixture cluster, ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorWaitForOptions Shown = new() { Timeout = 30_000 };

    [Fact]
    public Task A_visitor_chats_from_the_shops_page_and_sees_the_agents_reply() => cluster.RunAsync(output, async () =>
    {
        await using var shop = await ShopSite.StartAsync(cluster.Http.BaseAddress!);
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant(), allowedOrigins: shop.Origin);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(shop.PageFor(web.Channel));

        await page.Locator("[data-ticketgrains=chat] button.open").ClickAsync();
        await page.Locator("textarea[name=message]").FillAsync("我的快递三天没动了");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("li.visitor[data-state=sent]").WaitForAsync(Shown);

        var saved = JsonDocument.Parse(await page.EvaluateAsync<string>("key => localStorage.getItem(key)", $"ticketgrains.web.{web.Channel:D}")).RootElement;
        var visitor = saved.GetProperty("visitorId").GetString()!;
        var ticket = await InboundTickets.OfAsync(web.Admin, visitor, "web");
        Assert.Equal("我的快递三天没动了", ticket.GetProperty("messages")[0].GetProperty("body").GetString());

        using var services = new WebSenderServices(cluster.Database);
        var inReplyTo = $"{visitor}:{saved.GetProperty("sent")[0].GetProperty("id").GetString()}";
        var reply = new OutboundMessage(Guid.CreateVersion7(), ticket.GetProperty("id").GetGuid(), visitor, "已催促快递，今天内更新。", null, inReplyTo);
        Assert.True((await services.Sender.SendAsync(WebSenderServices.Channel(web.Admin.Tenant!, web.Channel), reply, CancellationToken.None)).Sent);

        await page.Locator("li.agent").WaitForAsync(Shown);
        Assert.Equal("已催促快递，今天内更新。", await page.Locator("li.agent").TextContentAsync());
    });

    [Fact]
    public Task The_hosted_form_becomes_a_ticket_of_the_email_it_names() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var email = $"lilei.{Guid.NewGuid():N}@example.com";
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var form = await page.GotoAsync(new Uri(cluster.Http.BaseAddress!, $"/web/form/{web.Channel:D}").ToString());
        Assert.Equal((int)HttpStatusCode.OK, form!.Status);

        await page.Locator("input[name=name]").FillAsync("李雷");
        await page.Locator("input[name=email]").FillAsync(email);
        await page.Locator("input[name=subject]").FillAsync("换货");
        await page.Locator("textarea[name=message]").FillAsync("尺码不合适，想换大一号");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.Locator("li.visitor[data-state=sent]").WaitForAsync(Shown);

        var ticket = await InboundTickets.OfAsync(web.Admin, email, "web");
        Assert.Equal(("换货", "尺码不合适，想换大一号"), (ticket.GetProperty("subject").GetString(), ticket.GetProperty("messages")[0].GetProperty("body").GetString()));
    });
}
