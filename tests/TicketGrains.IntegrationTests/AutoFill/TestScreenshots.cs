using TicketGrains.Bench.Ocr;

namespace TicketGrains.IntegrationTests.AutoFill;

/// <summary>
/// Screenshots made for a test: lines of text drawn by ImageMagick in WenQuanYi Micro Hei (installed by the project's
/// scripts), dark or light, optionally turned a little, in the format asked for, from memory to memory.
/// </summary>
public static class TestScreenshots
{
    private const string Font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    public static Task<byte[]> RenderAsync(IReadOnlyList<string> lines, string format, bool dark = false, double rotate = 0) =>
        ScreenshotRenderer.RenderAsync(new OrderPage(lines, new Dictionary<string, string>()),
            new ScreenshotStyle(Font, 34, dark, rotate, Blur: 0, Noise: false, format, Quality: 90));
}
