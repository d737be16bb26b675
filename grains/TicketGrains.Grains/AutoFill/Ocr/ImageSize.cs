using System.Buffers.Binary;

namespace TicketGrains.Grains.AutoFill.Ocr;

/// <summary>
/// Width and height read from an image's header (PNG IHDR, JPEG SOFn, WebP VP8 / VP8L / VP8X) without decoding it, so
/// an image of too many pixels is refused before a decoder allocates them. Null when the header cannot be read.
/// </summary>
public static class ImageSize
{
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> image)
    {
        if (image.Length >= 24 && image[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Positive(BinaryPrimitives.ReadInt32BigEndian(image[16..]), BinaryPrimitives.ReadInt32BigEndian(image[20..]));
        }

        if (image.Length >= 4 && image[0] == 0xFF && image[1] == 0xD8)
        {
            return Jpeg(image);
        }

        return image.Length >= 30 && image[..4].SequenceEqual("RIFF"u8) && image[8..12].SequenceEqual("WEBP"u8) ? Webp(image) : null;
    }

    private static (int, int)? Jpeg(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 9 < image.Length)
        {
            if (image[at] != 0xFF)
            {
                return null;
            }

            var marker = image[at + 1];
            if (marker is 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return Positive(BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]));
            }

            at += 2 + length;
        }

        return null;
    }

    private static (int, int)? Webp(ReadOnlySpan<byte> image)
    {
        var chunk = image[12..16];
        var data = image[20..];
        if (chunk.SequenceEqual("VP8 "u8) && data.Length >= 10)
        {
            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && data.Length >= 5 && data[0] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return Positive((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8) && data.Length >= 10)
        {
            return Positive(ReadUInt24(data[4..]) + 1, ReadUInt24(data[7..]) + 1);
        }

        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static (int, int)? Positive(int width, int height) => width > 0 && height > 0 ? (width, height) : null;
}
