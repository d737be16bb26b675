using System.Text;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// What a file is, from its first bytes: the declared content type and the file name are never trusted. Unknown content
/// is null, and is refused. Pure.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Jpeg = new("jpeg", "image/jpeg", FileKinds.Image);
    public static readonly FileType Png = new("png", "image/png", FileKinds.Image);
    public static readonly FileType Gif = new("gif", "image/gif", FileKinds.Image);
    public static readonly FileType Webp = new("webp", "image/webp", FileKinds.Image);
    public static readonly FileType Amr = new("amr", "audio/amr", FileKinds.Audio);
    public static readonly FileType Silk = new("silk", "audio/silk", FileKinds.Audio);
    public static readonly FileType Mp3 = new("mp3", "audio/mpeg", FileKinds.Audio);
    public static readonly FileType Wav = new("wav", "audio/wav", FileKinds.Audio);
    public static readonly FileType Ogg = new("ogg", "audio/ogg", FileKinds.Audio);
    public static readonly FileType M4a = new("m4a", "audio/mp4", FileKinds.Audio);
    public static readonly FileType Mp4 = new("mp4", "video/mp4", FileKinds.Video);
    public static readonly FileType Pdf = new("pdf", "application/pdf", FileKinds.Document);
    public static readonly FileType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileKinds.Document);
    public static readonly FileType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileKinds.Document);
    public static readonly FileType Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", FileKinds.Document);
    public static readonly FileType PlainText = new("text", "text/plain; charset=utf-8", FileKinds.Text);

    /// <summary>Names of the types accepted, for the message that refuses another.</summary>
    public static readonly IReadOnlyList<string> Accepted =
        ["jpeg", "png", "gif", "webp", "amr", "silk", "mp3", "wav", "ogg", "m4a", "mp4", "pdf", "docx", "xlsx", "pptx", "text"];

    public static FileType? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        return content switch
        {
            [0xFF, 0xD8, 0xFF, ..] => Jpeg,
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png,
            _ when Starts(content, "GIF87a") || Starts(content, "GIF89a") => Gif,
            _ when Starts(content, "RIFF") && At(content, 8, "WEBP") => Webp,
            _ when Starts(content, "RIFF") && At(content, 8, "WAVE") => Wav,
            _ when Starts(content, "#!AMR") => Amr,
            // WeChat's voice files carry one 0x02 byte before the SILK header.
            _ when Starts(content, "#!SILK_V3") || (content[0] == 0x02 && At(content, 1, "#!SILK_V3")) => Silk,
            _ when Starts(content, "OggS") => Ogg,
            _ when Starts(content, "ID3") || IsMpegAudioFrame(content) => Mp3,
            _ when At(content, 4, "ftyp") => At(content, 8, "M4A ") ? M4a : Mp4,
            _ when Starts(content, "%PDF-") => Pdf,
            [(byte)'P', (byte)'K', 0x03, 0x04, ..] => OfficeDocuments.Identify(content),
            _ => PlainTexts.IsText(content) ? PlainText : null,
        };
    }

    private static bool Starts(ReadOnlySpan<byte> content, string magic) => At(content, 0, magic);

    private static bool At(ReadOnlySpan<byte> content, int offset, string magic) =>
        content.Length >= offset + magic.Length && content.Slice(offset, magic.Length).SequenceEqual(Encoding.ASCII.GetBytes(magic));

    /// <summary>An MPEG-1/2 layer III frame header: 11 sync bits, a version that exists, layer III, a bitrate index that is not "bad".</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> content) =>
        content is [0xFF, var b1, var b2, ..] && (b1 & 0xE0) == 0xE0 && (b1 & 0x18) != 0x08 && (b1 & 0x06) == 0x02 && (b2 & 0xF0) != 0xF0;
}
