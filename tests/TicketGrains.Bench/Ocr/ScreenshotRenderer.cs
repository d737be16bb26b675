using System.Diagnostics;
using System.Globalization;

namespace TicketGrains.Bench.Ocr;

/// <summary>Draws an order page in a style with ImageMagick, from arguments to the image's bytes; nothing is written to disk.</summary>
public static class ScreenshotRenderer
{
    public static async Task<byte[]> RenderAsync(OrderPage page, ScreenshotStyle style)
    {
        var (background, ink) = style.Dark ? ("#121212", "#e6e6e6") : ("#ffffff", "#1a1a1a");
        var lineHeight = (int)(style.PointSize * 1.9);
        var arguments = new List<string>
        {
            "-size", $"1080x{(lineHeight * (page.Lines.Count + 1)) + 40}", $"xc:{background}", "-font", style.Font,
            "-pointsize", Invariant(style.PointSize), "-fill", ink,
        };
        for (var i = 0; i < page.Lines.Count; i++)
        {
            arguments.AddRange(["-annotate", $"+48+{lineHeight * (i + 1)}", page.Lines[i]]);
        }

        arguments.AddRange(["-background", background, "-rotate", Invariant(style.Rotate), "+repage"]);
        if (style.Blur > 0)
        {
            arguments.AddRange(["-blur", $"0x{Invariant(style.Blur)}"]);
        }

        if (style.Noise)
        {
            arguments.AddRange(["-attenuate", "0.4", "+noise", "Gaussian"]);
        }

        arguments.AddRange(["-quality", Invariant(style.Quality), $"{style.Format}:-"]);
        var start = new ProcessStartInfo("convert") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        using var image = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(image);
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? image.ToArray() : throw new InvalidOperationException("convert failed: " + await errors);
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
