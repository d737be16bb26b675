using Microsoft.Extensions.Options;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Ocr;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.AutoFill;

/// <summary>
/// The tesseract reader with the real tesseract and ImageMagick on screenshots made here: PNG, JPEG and WebP, light and
/// dark, straight and turned; and its timeout and concurrency limit, with a stand-in program that shows what happened.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TesseractReaderTests : IDisposable
{
    private static readonly string[] Page = ["订单编号：3456789012345678901", "实付款：¥128.50", "运单号：YT7712345678901"];

    private readonly string _folder = Directory.CreateTempSubdirectory("tg-ocr-").FullName;

    [Theory]
    [InlineData("png", false, 0.0)]
    [InlineData("jpeg", true, 3.0)]
    [InlineData("webp", false, -2.0)]
    public async Task A_screenshot_gives_its_order_number_tracking_number_and_amount(string format, bool dark, double rotate)
    {
        using var reader = Reader(new OcrOptions());
        var image = await TestScreenshots.RenderAsync(Page, format, dark, rotate);

        var read = await reader.ReadAsync(image, $"image/{format}", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal("ocr", read.Source);
        Assert.InRange(read.Confidence, 0.5, 1.0);
        var fields = new FieldExtractor().Extract(read.Text, read.Source).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(("3456789012345678901", "YT7712345678901", "128.50"), (fields["orderNo"], fields["trackingNo"], fields["amount"]));
    }

    [Fact]
    public async Task An_image_taking_longer_than_the_timeout_fails_and_its_program_is_killed()
    {
        var pidFile = Path.Combine(_folder, "pid");
        using var reader = Reader(new OcrOptions { Preprocess = false, Timeout = TimeSpan.FromSeconds(1), TesseractPath = Script($"echo $$ > {pidFile}; exec sleep 60") });

        var failed = await Assert.ThrowsAsync<OcrFailedException>(() => reader.ReadAsync(TinyPng(), "image/png", CancellationToken.None));

        Assert.Contains("longer than 00:00:01", failed.Message, StringComparison.Ordinal);
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Poll.UntilAsync("the timed-out program is gone", TimeSpan.FromSeconds(10), () => Task.FromResult(!Directory.Exists($"/proc/{pid}")));
    }

    [Fact]
    public async Task No_more_images_than_the_limit_are_read_at_once()
    {
        // The stand-in fails when another copy of it is running: mkdir is atomic.
        var running = Path.Combine(_folder, "running");
        var tsv = "level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n5\\t1\\t1\\t1\\t1\\t1\\t0\\t0\\t1\\t1\\t90\\tok\\n";
        using var reader = Reader(new OcrOptions
        {
            Preprocess = false, MaxConcurrency = 1, TesseractPath = Script($"mkdir {running} || exit 3; sleep 0.3; rmdir {running}; cat >/dev/null; printf '{tsv}'"),
        });

        var reads = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => reader.ReadAsync(TinyPng(), "image/png", CancellationToken.None)));

        Assert.All(reads, r => Assert.Equal(("ok", 0.9), (r!.Text, r.Confidence)));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TesseractReader Reader(OcrOptions options) => new(Options.Create(options));

    private string Script(string body)
    {
        var path = Path.Combine(_folder, $"program-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A 1×1 PNG header: enough for the size check; the stand-in programs never decode it.</summary>
    private static byte[] TinyPng() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];
}
