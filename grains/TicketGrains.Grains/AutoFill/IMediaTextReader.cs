namespace TicketGrains.Grains.AutoFill;

/// <summary>
/// Turns the bytes of one attachment (a screenshot, a voice note) into text that the field extractors and the intent
/// classifier read as if the customer had typed it. Each reader runs its tool out of process, off the request path
/// where it can, with its own timeout and concurrency limit.
/// </summary>
public interface IMediaTextReader
{
    /// <summary>The source recorded on every field proposed from this reader's text: "ocr" or "speech".</summary>
    string Source { get; }

    /// <summary>Whether this reader understands the (already magic-byte checked) content type.</summary>
    bool Reads(string contentType);

    /// <summary>The text found in the file, or null when there was none (a photo of a parcel, silence).</summary>
    Task<MediaText?> ReadAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);
}
