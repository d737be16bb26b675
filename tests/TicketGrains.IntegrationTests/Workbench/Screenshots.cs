using Microsoft.Playwright;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>Screenshots of each screen, kept in .data/screenshots/ (not committed; README links them) for people to look at.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepoLayout.Root, ".data", "screenshots");

    /// <summary>
    /// Saves the page as "{screen}-{language}.png" (the whole page), and what the window shows as a small
    /// "{screen}-{language}.jpg" (the kind docs/screenshots/ keeps), replacing the last run's.
    /// </summary>
    public static async Task SaveAsync(IPage page, string screen, string language)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{screen}-{language}.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{screen}-{language}.jpg"), Type = ScreenshotType.Jpeg, Quality = 55 });
    }
}
