using System.IO.Compression;
using System.Text;

namespace TicketGrains.Tests.Attachments;

/// <summary>
/// Files of each accepted type as their formats begin (the magic bytes each format's specification fixes), followed by
/// filler, plus files that must be refused. Shared with the integration tests.
/// </summary>
public static class SampleFiles
{
    public static byte[] Jpeg(int size = 2048) => Padded([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00], size);

    public static byte[] Png(int size = 2048) => Padded([0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, .. "IHDR"u8], size);

    public static byte[] Gif() => Padded("GIF89a"u8.ToArray(), 256);

    public static byte[] Webp() => Padded([.. "RIFF"u8, 0x24, 0x08, 0x00, 0x00, .. "WEBPVP8 "u8], 512);

    public static byte[] Wav() => Padded([.. "RIFF"u8, 0x24, 0x08, 0x00, 0x00, .. "WAVEfmt "u8], 512);

    public static byte[] Amr(int size = 1024) => Padded("#!AMR\n"u8.ToArray(), size);

    /// <summary>A WeChat voice file: one 0x02 byte, then the SILK header.</summary>
    public static byte[] WeChatSilk() => Padded([0x02, .. "#!SILK_V3"u8], 512);

    public static byte[] Mp3WithTag() => Padded([.. "ID3"u8, 0x04, 0x00, 0x00], 512);

    /// <summary>An MPEG-1 layer III frame header without a tag: sync, MPEG-1, layer III, no CRC; 128 kbit/s, 44.1 kHz.</summary>
    public static byte[] Mp3Frame() => Padded([0xFF, 0xFB, 0x90, 0x64], 512);

    public static byte[] Ogg() => Padded([.. "OggS"u8, 0x00, 0x02], 512);

    public static byte[] Mp4() => Padded([0x00, 0x00, 0x00, 0x18, .. "ftypisom"u8], 1024);

    public static byte[] M4a() => Padded([0x00, 0x00, 0x00, 0x18, .. "ftypM4A "u8], 1024);

    public static byte[] Pdf() => Padded("%PDF-1.7\n"u8.ToArray(), 1024);

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Docx() => Zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);

    public static byte[] Xlsx() => Zip(["[Content_Types].xml", "xl/workbook.xml"]);

    /// <summary>A ZIP archive that is no Office document: refused, since what it holds is unchecked.</summary>
    public static byte[] PlainZip() => Zip(["readme.txt", "payload.exe"]);

    /// <summary>A Windows executable (MZ header), whatever name and type it is sent under.</summary>
    public static byte[] Executable() => Padded([.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], 1024);

    private static byte[] Padded(byte[] head, int size)
    {
        var file = new byte[Math.Max(size, head.Length)];
        head.CopyTo(file, 0);
        for (var i = head.Length; i < file.Length; i++)
        {
            file[i] = (byte)(i * 31 % 251);
        }

        return file;
    }

    private static byte[] Zip(string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
