using System.Text;
using Microsoft.Extensions.Options;
using TicketGrains.Grains.AutoFill.Fields;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>
/// Reads the text of a screenshot (PNG, JPEG, WebP) with tesseract, out of process through standard input and output,
/// after ImageMagick prepared it (<see cref="ImagePreparation"/>); at most <see cref="OcrOptions.MaxConcurrency"/> at
/// once, each within <see cref="OcrOptions.Timeout"/>. Too many pixels or an unreadable header is refused before any
/// program sees the file.
/// </summary>
public sealed class TesseractReader(IOptions<OcrOptions> options) : IMediaTextReader, IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> OneThread = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" };

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrency, options.Value.MaxConcurrency);

    public string Source => FieldSources.Ocr;

    public bool Reads(string contentType) => ImagePreparation.CoderOf(contentType) is not null;

    public async Task<MediaText?> ReadAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var coder = ImagePreparation.CoderOf(contentType) ?? throw new OcrFailedException($"'{contentType}' is not an image tesseract reads here.");
        var (width, height) = ImageSize.Read(content.Span) ?? throw new OcrFailedException("The image's header gives no size.");
        if ((long)width * height > settings.MaxPixels)
        {
            throw new OcrFailedException($"The image has {(long)width * height} pixels; at most {settings.MaxPixels} are read.");
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            try
            {
                var image = settings.Preprocess ? await PrepareAsync(content, coder, width, settings, timeout.Token) : content;
                var tsv = await ExternalProgram.RunAsync(settings.TesseractPath, ["stdin", "stdout", "-l", settings.Languages, "--psm", "3", "tsv"],
                    image, OneThread, timeout.Token);
                return TesseractTsv.Parse(Encoding.UTF8.GetString(tsv)) is { } read ? new MediaText(read.Text, Source, read.Confidence) : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new OcrFailedException($"Reading the image took longer than {settings.Timeout}.");
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private static async Task<ReadOnlyMemory<byte>> PrepareAsync(ReadOnlyMemory<byte> content, string coder, int width, OcrOptions settings,
        CancellationToken cancellationToken)
    {
        var mean = ImagePreparation.ParseMean(await ExternalProgram.RunAsync(settings.ConvertPath, ImagePreparation.MeasureArguments(coder), content,
            OneThread, cancellationToken));
        return await ExternalProgram.RunAsync(settings.ConvertPath, ImagePreparation.PrepareArguments(coder, width, mean, settings.MinWidth), content,
            OneThread, cancellationToken);
    }
}
