using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Ocr;

namespace TicketGrains.Bench.Ocr;

/// <summary>
/// <c>ocr [--items 60] [--seed 12] [--no-preprocess] [--misses]</c>: generated order-page screenshots (several fonts,
/// sizes, blur, JPEG quality, rotation, noise, light and dark themes) read one at a time by the tesseract reader and the
/// field extractor; prints exact matches per field (overall and by theme) and OCR time per item (p50, p99).
/// </summary>
public static class OcrBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var items = Value(args, "--items", 60);
        var seed = Value(args, "--seed", 12);
        var random = new Random(seed);
        var pages = new OrderPages(random);
        using var reader = new TesseractReader(Options.Create(new OcrOptions { Preprocess = !args.Contains("--no-preprocess"), MaxConcurrency = 1 }));
        var extractor = new FieldExtractor();
        var score = new OcrScore();
        for (var i = 0; i < items; i++)
        {
            var page = pages.Next();
            var style = ScreenshotStyle.Random(random);
            var image = await ScreenshotRenderer.RenderAsync(page, style);
            var started = Stopwatch.GetTimestamp();
            var read = await reader.ReadAsync(image, $"image/{style.Format}", CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var found = extractor.Extract(read?.Text ?? "", FieldSources.Ocr).ToDictionary(f => f.Name, f => f.Value);
            var misses = score.Add(style, page.Expected, found, elapsed);
            if (args.Contains("--misses") && misses.Count > 0)
            {
                Console.WriteLine($"#{i} {style.Describe()}: " + string.Join("; ", misses.Select(m => $"{m} want {page.Expected[m]} got {found.GetValueOrDefault(m)}")));
            }
        }

        Console.WriteLine($"command: ocr --items {items} --seed {seed}{(args.Contains("--no-preprocess") ? " --no-preprocess" : "")}; fonts: " +
            string.Join(", ", ScreenshotStyle.Fonts.Select(Path.GetFileName)));
        Console.WriteLine(score.Render());
        return 0;
    }

    private static int Value(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
