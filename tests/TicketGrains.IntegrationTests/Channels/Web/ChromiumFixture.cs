using Microsoft.Playwright;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// One headless Chromium per test class: Debian's /usr/bin/chromium (test.sh installs it with apt), driven by
/// Playwright; Playwright never downloads a browser here.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        // No sandbox: the tests may run as root (a CI container), where Chromium refuses to start sandboxed.
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
