using Microsoft.Playwright;
using TicketGrains.IntegrationTests.Channels.Web;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>A browser page on the workbench at a laptop's 1366×768, and the steps every test takes in it.</summary>
public sealed class WorkbenchBrowser(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public static readonly LocatorWaitForOptions Shown = new() { Timeout = 30_000 };

    public IPage Page => page;

    /// <summary>Opens /app/; with a fake clock the page's time (Date, timers) starts now and moves only when the test says.</summary>
    public static async Task<WorkbenchBrowser> OpenAsync(ChromiumFixture chromium, Uri product, string language = "zh", bool fakeClock = false)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1366, Height = 768 },
            Locale = language == "zh" ? "zh-CN" : "en-US",
            BypassCSP = true,
            AcceptDownloads = true,
        });
        if (fakeClock)
        {
            await context.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow });
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(product, "/app/").ToString());
        return new WorkbenchBrowser(context, page);
    }

    /// <summary>Signs in with the development issuer's form and waits for the inbox.</summary>
    public async Task SignInAsync(string tenant, string user, string role)
    {
        await page.Locator("#tenant").FillAsync(tenant);
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#role").SelectOptionAsync(role);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        await LoadedAsync("inbox");
    }

    /// <summary>Waits until the screen ("inbox", "ticket", "supervisor") is shown with its data.</summary>
    public Task LoadedAsync(string screen) => page.Locator($"main[data-loaded={screen}]").WaitForAsync(Shown);

    /// <summary>Goes to a screen by its address ("#/supervisor") and waits for it.</summary>
    public async Task GoAsync(string hash, string screen)
    {
        await page.EvaluateAsync("hash => { location.hash = hash; }", hash);
        await LoadedAsync(screen);
    }

    /// <summary>Switches the interface language and waits for the screen drawn again in it.</summary>
    public async Task SwitchLanguageAsync(string language, string screen)
    {
        await page.Locator("#language").SelectOptionAsync(language);
        await page.Locator($"html[lang^={language}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await LoadedAsync(screen);
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
