using TicketGrains.Grains.AutoFill.Ocr;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Ocr;

public sealed class ImageSizeTests
{
    [Fact]
    public void A_png_gives_its_size_from_ihdr() =>
        Assert.Equal((1080, 2340), ImageSize.Read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0x04, 0x38, 0, 0, 0x09, 0x24, 8, 2]));

    [Fact]
    public void A_jpeg_gives_its_size_from_its_frame_header_after_other_segments()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xC4, 0x00, 0x03, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03, 0, 0, 0, 0];
        Assert.Equal((640, 480), ImageSize.Read(jpeg));
    }

    [Fact]
    public void A_lossy_lossless_and_extended_webp_each_give_their_size()
    {
        byte[] riff = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8];
        byte[] lossy = [.. riff, .. "VP8 "u8, 0, 0, 0, 0, 0x9D, 0x01, 0x2A, 0x9D, 0x01, 0x2A, 0x38, 0x04, 0x24, 0x09, 0, 0];
        byte[] lossless = [.. riff, .. "VP8L"u8, 0, 0, 0, 0, 0x2F, 0x37, 0xC4, 0x48, 0x02, 0, 0, 0, 0, 0];
        byte[] extended = [.. riff, .. "VP8X"u8, 0, 0, 0, 0, 0, 0, 0, 0, 0x37, 0x04, 0x00, 0x23, 0x09, 0x00];
        Assert.Equal([(1080, 2340), (1080, 2340), (1080, 2340)], new[] { lossy, lossless, extended }.Select(i => ImageSize.Read(i)!.Value));
    }

    [Fact]
    public void A_header_without_a_size_gives_none()
    {
        Assert.Null(ImageSize.Read([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Null(ImageSize.Read([0xFF, 0xD8, 0xFF, 0xD9]));
        Assert.Null(ImageSize.Read("GIF89a"u8));
    }
}
