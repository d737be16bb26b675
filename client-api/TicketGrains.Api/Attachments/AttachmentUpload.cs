using Microsoft.AspNetCore.Http.Features;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// The file of a multipart upload (part <see cref="FilePart"/>), read whole up to the largest size any kind allows, or
/// the refusal that names the part: not multipart, no such part, empty, or larger than any file may be.
/// </summary>
public sealed record AttachmentUpload(string FileName, byte[] Content, AttachmentVerdict.Refused? Refusal)
{
    public const string FilePart = "file";

    /// <summary>Room for the multipart boundaries and part headers around the file.</summary>
    private const long FramingBytes = 64 * 1024;

    public static async Task<AttachmentUpload> ReadAsync(HttpContext context, long largestFile)
    {
        var request = context.Request;
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(AttachmentVerdict.Missing, $"Send the file as multipart/form-data, in a part named '{FilePart}'.");
        }

        if (request.ContentLength > largestFile + FramingBytes)
        {
            return TooLarge(largestFile);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = largestFile + FramingBytes;
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(context.RequestAborted)).Files.GetFile(FilePart);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(largestFile);
        }
        // A body that is not the multipart it claims to be (no such boundary) ends the reader's stream early.
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            return Refused(AttachmentVerdict.Missing, "The multipart body is malformed: " + e.Message);
        }

        if (file is null)
        {
            return Refused(AttachmentVerdict.Missing, $"The multipart body has no part named '{FilePart}' with a file.");
        }

        if (file.Length > largestFile)
        {
            return TooLarge(largestFile);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted);
        }

        return new AttachmentUpload(file.FileName, content, null);
    }

    private static AttachmentUpload TooLarge(long largestFile) =>
        Refused(AttachmentVerdict.TooLarge, $"The file is larger than any accepted ({largestFile} bytes at most, less for most kinds).");

    private static AttachmentUpload Refused(int status, string detail) => new("", [], new AttachmentVerdict.Refused(status, detail));
}
