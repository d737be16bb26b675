using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// A platform's own recognition of a voice note (WeChat's Recognition, the Chinese path; a phone system's text) as the
/// note's transcript, with source "speech" like the pocketsphinx reader's, and its numbers as digits whether it spelled
/// them in characters or in English words. The platform gives no score: its recogniser is a production Mandarin one,
/// far better than the en-us model here, so it is trusted at a fixed 0.8.
/// </summary>
public static class RecognitionTranscript
{
    public const double Confidence = 0.8;

    /// <summary>The transcript of a voice message's audio file, or null for anything else or a message without recognised text.</summary>
    public static AttachmentTranscript? Of(string messageKind, string? recognition, string contentType) =>
        messageKind == "voice" && !string.IsNullOrWhiteSpace(recognition) && contentType.StartsWith("audio/", StringComparison.Ordinal)
            ? new AttachmentTranscript(Normalise(recognition), PocketsphinxReader.SpeechSource, Confidence)
            : null;

    /// <summary>Recognised text with its numbers as digits, whether spelled in characters or in English words.</summary>
    public static string Normalise(string recognition) => SpokenNumbers.Normalise(ChineseDigits.Normalise(recognition.Trim()));
}
