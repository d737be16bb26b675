using System.Net;
using Microsoft.Playwright;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>The workbench with the keyboard alone: sign in, reach a ticket by Tab, reply, and come back.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchKeyboardTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    private const int MostTabs = 40;

    [Fact]
    public Task An_agent_signs_in_opens_a_ticket_and_replies_with_the_keyboard_alone() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var id = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Coupon did not apply"))).Expect(HttpStatusCode.Created).Id;
        (await admin.PostAsync($"/api/v1/tickets/{id}/assignee", new { agentId = "fay" })).Expect(HttpStatusCode.OK);
        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!, "en");
        var page = browser.Page;

        await TabToAsync(page, "#tenant");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(admin.Tenant!);
        await TabToAsync(page, "#user");
        await page.Keyboard.TypeAsync("fay");
        await page.Keyboard.PressAsync("Enter");
        await browser.LoadedAsync("inbox");

        await TabToAsync(page, $"tr[data-ticket='{id}'] a");
        await page.Keyboard.PressAsync("Enter");
        await browser.LoadedAsync("ticket");
        await TabToAsync(page, "#reply");
        await page.Keyboard.TypeAsync("The coupon is applied again; please try once more.");
        await TabToAsync(page, "form.reply button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".thread li.reply .body", new() { HasText = "The coupon is applied again" }).WaitForAsync(WorkbenchBrowser.Shown);

        var ticket = (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("fay", "The coupon is applied again; please try once more."),
            (ticket.GetProperty("messages")[1].GetProperty("author").GetString(), ticket.GetProperty("messages")[1].GetProperty("body").GetString()));
    });

    /// <summary>Presses Tab until the element is focused; fails when it is not reached within <see cref="MostTabs"/> presses.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < MostTabs; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} is not reached with {MostTabs} presses of Tab.");
    }
}
