using System.Net;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>An SLA countdown under the page's fake clock: plain time left, then a warning inside 15 minutes, then a breach.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchClockTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task A_countdown_turns_to_a_warning_and_then_a_breach_as_the_clock_moves() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var id = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Wrong colour sent", "exchange", "high"))).Expect(HttpStatusCode.Created).Id;
        (await admin.PostAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "eve" })).Expect(HttpStatusCode.OK);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!, "en", fakeClock: true);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "eve", "agent");
        var clock = page.Locator($"tr[data-ticket='{id}'] .sla");
        // The countdown counts to the deadline the server keeps: the ticket's running first-reply clock, as the listing's
        // read model has it (PostgreSQL keeps microseconds, the ticket itself ticks of 100 ns).
        var clocks = (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json.GetProperty("slaClocks");
        var due = clocks.EnumerateArray().Single(c => c.GetProperty("metric").GetString() == "first_reply").GetProperty("dueAt").GetDateTimeOffset();
        var shown = DateTimeOffset.Parse(await clock.GetAttributeAsync("data-due") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(due - shown, TimeSpan.Zero, TimeSpan.FromTicks(9));
        Assert.Equal("ok", await clock.GetAttributeAsync("data-state"));
        Assert.Matches(@"^3:5\d:\d\d left$", await clock.TextContentAsync());

        // High priority is due in 4 hours: 3 h 50 min on, 10 minutes are left.
        await page.Clock.FastForwardAsync("03:50:00");
        await page.Locator($"tr[data-ticket='{id}'] .sla[data-state=warning]").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Matches(@"^Due soon: (9:[0-5]\d|10:00)$", await clock.TextContentAsync());

        await page.Clock.FastForwardAsync("00:11:00");
        await page.Locator($"tr[data-ticket='{id}'] .sla[data-state=breached]").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Matches(@"^Breached [01]:\d\d ago$", await clock.TextContentAsync());
    });
}
