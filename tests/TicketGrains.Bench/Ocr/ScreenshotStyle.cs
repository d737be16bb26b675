using System.Diagnostics;
using System.Globalization;

namespace TicketGrains.Bench.Ocr;

/// <summary>How one generated screenshot looks: font, size, theme, turn, blur, noise and the format and quality it is saved in.</summary>
public sealed record ScreenshotStyle(string Font, int PointSize, bool Dark, double Rotate, double Blur, bool Noise, string Format, int Quality)
{
    /// <summary>
    /// The Chinese fonts Debian packages (WenQuanYi Micro Hei and Zen Hei, Droid Sans Fallback) that are installed here
    /// and draw Latin letters and digits too. ImageMagick draws a page in one font with no fallback, so a font without
    /// them (Droid Sans Fallback has none) leaves every number blank, which no phone's screen does.
    /// </summary>
    public static readonly IReadOnlyList<string> Fonts =
    [
        .. new[]
        {
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        }.Where(File.Exists).Intersect(FontsWithLatin()),
    ];

    /// <summary>Installed font files that have every ASCII letter and digit, as fontconfig reports them.</summary>
    private static HashSet<string> FontsWithLatin()
    {
        var start = new ProcessStartInfo("fc-list") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(":charset=30-39 41-5a 61-7a");
        start.ArgumentList.Add("file");
        using var process = Process.Start(start)!;
        var listed = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return [.. listed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd().TrimEnd(':'))];
    }

    public static ScreenshotStyle Random(Random random) => new(
        Fonts[random.Next(Fonts.Count)],
        random.Next(20, 40),
        random.Next(3) == 0,
        Math.Round((random.NextDouble() * 6) - 3, 1),
        new[] { 0, 0, 0.6, 1.0 }[random.Next(4)],
        random.Next(3) == 0,
        new[] { "png", "jpeg", "jpeg", "webp" }[random.Next(4)],
        new[] { 90, 60, 35 }[random.Next(3)]);

    public string Theme => Dark ? "dark" : "light";

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Path.GetFileNameWithoutExtension(Font)} {PointSize}pt {Theme} rot {Rotate} blur {Blur} {(Noise ? "noise " : "")}{Format}{(Format == "png" ? "" : $" q{Quality}")}");
}
