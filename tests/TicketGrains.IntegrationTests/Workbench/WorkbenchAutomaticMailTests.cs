using System.Net;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.Email;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// An out-of-office reply in the ticket view: a customer's mail and then the customer's responder, both by real SMTP
/// sessions, are on one ticket (ADR 0013); the ticket view labels the responder's message automatic, in both languages
/// and for assistive technology, and shows only the customer's own mail as the customer writing.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchAutomaticMailTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task An_out_of_office_reply_is_labelled_automatic_and_the_customer_s_own_mail_is_not() => product.RunAsync(output, async () =>
    {
        var admin = product.FreshTenant();
        var mailbox = $"support-{Guid.NewGuid():N}@shop.example";
        (await admin.PostAsync("/api/v1/channels", new { type = "email", name = "Shop support", settings = new { address = mailbox } })).Expect(HttpStatusCode.Created);
        var customer = $"li.lei-{Guid.NewGuid():N}@customer.test";
        var own = await Swaks.SendAsync(product.SmtpPort, "--to", mailbox, "--from", customer, "--header", "Subject: Refund status",
            "--body", "Where is my refund?");
        Assert.Contains("<-  250 2.0.0 stored", own.Transcript);
        var ticket = (await InboundTickets.OfAsync(admin, customer, "email")).GetProperty("id").GetGuid();
        // The ticket's tag in the subject, as an Exchange out-of-office reply to one of our replies carries it: it joins that ticket.
        var away = await Swaks.SendAsync(product.SmtpPort, "--to", mailbox, "--from", customer,
            "--header", $"Subject: Automatic reply: Re: Refund status [#{ticket:D}]", "--header", "Auto-Submitted: auto-replied",
            "--body", "I am away until Monday.");
        Assert.Contains("<-  250 2.0.0 stored", away.Transcript);
        await Poll.UntilAsync("the out-of-office reply on the ticket", Deadline, async () =>
            (await admin.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json.GetProperty("messages").GetArrayLength() == 2);

        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!);
        var page = browser.Page;
        await browser.SignInAsync(admin.Tenant!, "mia", "agent");
        await browser.GoAsync($"#/ticket/{ticket}", "ticket");
        await page.Locator("main[data-story=loaded]").WaitForAsync(WorkbenchBrowser.Shown);

        var automatic = page.Locator(".thread li.message", new() { HasText = "I am away until Monday." });
        var customerWriting = page.Locator(".thread li.message", new() { HasText = "Where is my refund?" });
        Assert.Equal("自动回复", await automatic.Locator(".badge.automatic").TextContentAsync());
        Assert.Equal("Auto-Submitted: auto-replied", await automatic.Locator(".badge.automatic").GetAttributeAsync("title"));
        // In the accessibility tree too, not a colour only: a screen reader hears it with the message.
        Assert.Contains("自动回复", await automatic.AriaSnapshotAsync());
        Assert.Equal(0, await customerWriting.Locator(".badge.automatic").CountAsync());
        Assert.Equal(["Where is my refund?"], await page.Locator(".thread li.customer .body").AllTextContentsAsync());
        await Screenshots.SaveAsync(page, "ticket-automatic", "zh");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "ticket-automatic (zh)");

        await browser.SwitchLanguageAsync("en", "ticket");
        await page.Locator("main[data-story=loaded]").WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal("Automatic reply", await automatic.Locator(".badge.automatic").TextContentAsync());
        await Screenshots.SaveAsync(page, "ticket-automatic", "en");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "ticket-automatic (en)");
    });
}
