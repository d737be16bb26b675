using System.Text.Json;
using Microsoft.Playwright;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// axe-core (the npm package the workbench's build installs) run in the page: the rules of WCAG 2.1 A and AA, labels,
/// contrast, keyboard names. The page's Content-Security-Policy allows no injected script, so the browser context that
/// runs it bypasses CSP (<see cref="WorkbenchBrowser.OpenAsync"/>).
/// </summary>
public static class AxeCheck
{
    private static readonly string Script = Path.Combine(RepoLayout.Root, "client-api", "workbench", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails the test naming each serious or critical violation on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string screen)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = Script });
        }

        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))");
        var serious = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core found serious violations on {screen}: {string.Join("; ", serious)}");
    }
}
