using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Grains.AutoFill.Speech;

/// <summary>
/// The voice notes sox turns into PCM for the decoder: WAV, AMR-NB (WeChat, phones), MP3 and Ogg Vorbis. SILK (WeChat's
/// own voice files) is not among them: Debian ships no SILK decoder, so a WeChat voice relies on its Recognition text.
/// </summary>
public static class VoiceFormats
{
    private static readonly FileType[] Decodable = [FileTypes.Wav, FileTypes.Amr, FileTypes.Mp3, FileTypes.Ogg];

    public const string FileField = "file";

    public static bool Reads(string contentType) =>
        Decodable.Any(t => string.Equals(t.ContentType, MediaType(contentType), StringComparison.OrdinalIgnoreCase));

    /// <summary>The note's type by its magic bytes; a refusal names the field "file" like every other refused file.</summary>
    public static FileType Check(ReadOnlySpan<byte> content, long maxBytes)
    {
        if (content.Length > maxBytes)
        {
            throw new InvalidFieldException(FileField, $"A voice note may have at most {maxBytes} bytes; this one has {content.Length}.");
        }

        var type = FileTypes.Sniff(content);
        if (type is null || !Decodable.Contains(type))
        {
            throw new InvalidFieldException(FileField, $"The content is not a voice note this reader decodes ({string.Join(", ", Decodable.Select(t => t.Name))}).");
        }

        if (type == FileTypes.Amr)
        {
            AmrFrames.Check(content, FileField);
        }

        return type;
    }

    /// <summary>
    /// sox's name for the format: it guesses from a file's extension, and an AMR file's is not one it knows (nor whether
    /// it is narrow- or wideband, which only the magic line says).
    /// </summary>
    public static string SoxType(FileType type, ReadOnlySpan<byte> content) =>
        type == FileTypes.Amr ? (AmrFrames.IsWideband(content) ? "amr-wb" : "amr-nb") : type == FileTypes.Ogg ? "vorbis" : type.Name;

    private static string MediaType(string contentType)
    {
        var parameters = contentType.IndexOf(';', StringComparison.Ordinal);
        return (parameters < 0 ? contentType : contentType[..parameters]).Trim();
    }
}
