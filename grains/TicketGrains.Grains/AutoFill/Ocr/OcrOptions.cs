using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>The "AutoFill:Ocr" section: the tesseract and ImageMagick programs, languages, limits and time allowed.</summary>
public sealed class OcrOptions : IValidatableOptions
{
    public const string Section = "AutoFill:Ocr";

    /// <summary>The tesseract program (a name found on PATH, or a path).</summary>
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Tesseract's languages, in its "+" notation.</summary>
    public string Languages { get; set; } = "chi_sim+eng";

    /// <summary>ImageMagick's convert, which prepares the image (grey, dark themes inverted, small ones enlarged, deskewed).</summary>
    public string ConvertPath { get; set; } = "convert";

    /// <summary>Whether images are prepared with <see cref="ConvertPath"/> before tesseract reads them.</summary>
    public bool Preprocess { get; set; } = true;

    /// <summary>Images narrower than this (pixels) are enlarged to it first: tesseract reads small glyphs badly.</summary>
    public int MinWidth { get; set; } = 1000;

    /// <summary>The largest image read (width × height); larger ones are refused before any program sees them.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>How long one image may take, preparation included; then its programs are killed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many images are read at once in this process; the rest wait their turn.</summary>
    public int MaxConcurrency { get; set; } = 2;

    public IEnumerable<string> Problems(string section)
    {
        if (string.IsNullOrWhiteSpace(TesseractPath))
        {
            yield return $"{section}:TesseractPath must name the tesseract program.";
        }

        if (string.IsNullOrWhiteSpace(Languages) || Languages.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '+')))
        {
            yield return $"{section}:Languages must be tesseract language names joined by '+', not '{Languages}'.";
        }

        if (Preprocess && string.IsNullOrWhiteSpace(ConvertPath))
        {
            yield return $"{section}:ConvertPath must name ImageMagick's convert while Preprocess is on.";
        }

        if (MinWidth is < 0 or > 8000)
        {
            yield return $"{section}:MinWidth must be between 0 and 8000, not {MinWidth}.";
        }

        if (MaxPixels is < 10_000 or > 200_000_000)
        {
            yield return $"{section}:MaxPixels must be between 10000 and 200000000, not {MaxPixels}.";
        }

        if (Timeout < TimeSpan.FromSeconds(1) || Timeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{section}:Timeout must be between 00:00:01 and 00:10:00, not {Timeout}.";
        }

        if (MaxConcurrency is < 1 or > 64)
        {
            yield return $"{section}:MaxConcurrency must be between 1 and 64, not {MaxConcurrency}.";
        }
    }
}
