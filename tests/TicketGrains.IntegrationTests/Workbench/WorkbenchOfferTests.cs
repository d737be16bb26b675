using System.Net;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>A push queue's offer in the inbox: shown live with a countdown to its deadline; accepting opens the ticket.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchOfferTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task An_offer_shows_with_a_countdown_and_accepting_it_opens_the_ticket_kept_by_the_agent() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        (await admin.PutAsync("/api/v1/queues/general", new { strategy = "push", offerTimeoutSeconds = 600 })).Expect(HttpStatusCode.OK);
        (await admin.PutAsync("/api/v1/agents/dan", new { capacity = new { chat = 3 }, queues = new[] { "general" } })).Expect(HttpStatusCode.OK);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "dan", "agent");
        await page.Locator("#live-state[data-connected=true]").WaitForAsync(WorkbenchBrowser.Shown);

        var id = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Which size fits me?"))).Expect(HttpStatusCode.Created).Id;
        var offer = page.Locator($"li[data-offer='{id}']");
        await offer.WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Contains("Which size fits me?", await offer.TextContentAsync());
        // Ten minutes to accept: shown whole until the page's estimate of the server's clock passes the offer's start.
        Assert.Matches(@"^即将超时 (10:00|9:[0-5]\d)$", await offer.Locator(".sla").TextContentAsync());

        await offer.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "接受" }).ClickAsync();
        await browser.LoadedAsync("ticket");
        var ticket = (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("dan", "open"), (ticket.GetProperty("assignee").GetString(), ticket.GetProperty("status").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ticket.GetProperty("acceptBy").ValueKind);
    });
}
