using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// The transcript a channel's voice note is recorded with: the platform's own recognition when the message carried one
/// (<see cref="RecognitionTranscript"/>), else what the speech reader hears in the file. Run by the media fetch, after the
/// platform's answer; a note the reader cannot read is recorded without a transcript rather than held back.
/// </summary>
public sealed class VoiceTranscripts(IEnumerable<IMediaTextReader> readers, ILogger<VoiceTranscripts> logger)
{
    /// <summary><paramref name="content"/> is asked for only when the reader is to run (it opens the sealed file again).</summary>
    public async Task<AttachmentTranscript?> ForAsync(
        string messageKind, string? recognition, string contentType, Func<CancellationToken, Task<byte[]?>> content, CancellationToken cancellationToken)
    {
        if (RecognitionTranscript.Of(messageKind, recognition, contentType) is { } recognised)
        {
            return recognised;
        }

        var reader = readers.FirstOrDefault(r => r.Source == PocketsphinxReader.SpeechSource && r.Reads(contentType));
        if (messageKind != "voice" || reader is null || await content(cancellationToken) is not { } bytes)
        {
            return null;
        }

        try
        {
            return await reader.ReadAsync(bytes, contentType, cancellationToken) is { } heard
                ? new AttachmentTranscript(heard.Text, heard.Source, heard.Confidence)
                : null;
        }
        catch (Exception e) when (e is SpeechToolException or TimeoutException or InvalidFieldException)
        {
            logger.LogWarning("A {ContentType} voice note was recorded without a transcript: {Reason}", contentType, e.Message);
            return null;
        }
    }
}
