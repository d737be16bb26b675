using System.Globalization;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>
/// ImageMagick's arguments that prepare a screenshot for tesseract: read only the sniffed format (never a coder
/// ImageMagick would guess from the content), grey, inverted when the page is dark (light text on a dark theme reads
/// badly), enlarged when narrow, contrast stretched, straightened (deskew), written as PNG to standard output.
/// </summary>
public static class ImagePreparation
{
    /// <summary>The arguments that measure the image's mean brightness (0..1) in grey.</summary>
    public static IReadOnlyList<string> MeasureArguments(string format) => [$"{format}:-[0]", "-colorspace", "Gray", "-format", "%[fx:mean]", "info:-"];

    public static IReadOnlyList<string> PrepareArguments(string format, int width, double meanBrightness, int minWidth)
    {
        List<string> arguments = [$"{format}:-[0]", "-colorspace", "Gray"];
        if (meanBrightness < 0.5)
        {
            arguments.Add("-negate");
        }

        if (width < minWidth)
        {
            var percent = Math.Min(400, (int)Math.Ceiling(minWidth * 100.0 / width));
            arguments.AddRange(["-resize", $"{percent.ToString(CultureInfo.InvariantCulture)}%"]);
        }

        arguments.AddRange(["-normalize", "-deskew", "40%", "+repage", "png:-"]);
        return arguments;
    }

    /// <summary>ImageMagick's coder name for a sniffed image type (FileTypes' names).</summary>
    public static string? CoderOf(string contentType) => contentType switch
    {
        "image/png" => "png",
        "image/jpeg" => "jpeg",
        "image/webp" => "webp",
        _ => null,
    };

    public static double ParseMean(byte[] output) =>
        double.TryParse(System.Text.Encoding.ASCII.GetString(output).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var mean) ? mean : 1;
}
