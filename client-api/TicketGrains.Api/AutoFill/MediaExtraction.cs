using Microsoft.Extensions.Options;
using TicketGrains.Api.Attachments;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Ocr;

namespace TicketGrains.Api.AutoFill;

/// <summary>
/// The file path of POST /api/v1/extract: the part "file" read as an upload is, typed by its magic bytes and limited by
/// its kind's size (the attachments' check), an image limited in pixels by its header, then read by the first
/// registered <see cref="IMediaTextReader"/> that reads its type, and its text extracted with the reader's source.
/// </summary>
public sealed class MediaExtraction(AttachmentVault vault, IEnumerable<IMediaTextReader> readers, IOptions<OcrOptions> ocr,
    TenantFieldExtractors extractors, ILogger<MediaExtraction> logger)
{
    private const string File = AttachmentUpload.FilePart;

    public async Task<IResult> ExtractAsync(HttpContext context, FieldExtractor extractor)
    {
        var upload = await AttachmentUpload.ReadAsync(context, vault.Limits.LargestBytes);
        var verdict = upload.Refusal ?? vault.Check(upload.Content);
        if (verdict is AttachmentVerdict.Refused refused)
        {
            return ExtractApi.Problem(File, refused.Status, TitleOf(refused.Status), refused.Detail);
        }

        var type = ((AttachmentVerdict.Accepted)verdict).Type;
        if (type.Kind == FileKinds.Image && PixelProblem(upload.Content) is { } pixels)
        {
            return pixels;
        }

        if (readers.FirstOrDefault(r => r.Reads(type.ContentType)) is not { } reader)
        {
            return ExtractApi.Problem(File, StatusCodes.Status415UnsupportedMediaType, TitleOf(StatusCodes.Status415UnsupportedMediaType),
                $"The file is {type.Name}; no reader here reads {type.ContentType} (images: png, jpeg, webp; voice notes where speech is set up).");
        }

        MediaText? read;
        try
        {
            read = await reader.ReadAsync(upload.Content, type.ContentType, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The {Source} reader could not read a {Type} file", reader.Source, type.Name);
            return ExtractApi.Problem(File, StatusCodes.Status422UnprocessableEntity, "The file could not be read.", e.Message);
        }

        var text = read?.Text ?? "";
        text = text.Length > extractors.MaxTextLength ? text[..extractors.MaxTextLength] : text;
        return TypedResults.Ok(ExtractResponse.Of(text, extractor.Extract(text, reader.Source)));
    }

    private IResult? PixelProblem(byte[] image)
    {
        if (ImageSize.Read(image) is not var (width, height))
        {
            return ExtractApi.Problem(File, StatusCodes.Status415UnsupportedMediaType, TitleOf(StatusCodes.Status415UnsupportedMediaType),
                "The image's header gives no size; it is not a well-formed png, jpeg or webp.");
        }

        var max = ocr.Value.MaxPixels;
        return (long)width * height <= max
            ? null
            : ExtractApi.Problem(File, StatusCodes.Status413PayloadTooLarge, TitleOf(StatusCodes.Status413PayloadTooLarge),
                $"The image is {width}×{height} pixels; at most {max} pixels are read.");
    }

    private static string TitleOf(int status) => status switch
    {
        AttachmentVerdict.TooLarge => "The file is too large.",
        AttachmentVerdict.UnsupportedType => "The file's type is not accepted.",
        _ => "No file.",
    };
}
