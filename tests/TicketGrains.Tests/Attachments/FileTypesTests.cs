using TicketGrains.Grains.Attachments;
using Xunit;

namespace TicketGrains.Tests.Attachments;

public sealed class FileTypesTests
{
    public static TheoryData<string, byte[], string, string> Accepted() => new()
    {
        { "jpeg", SampleFiles.Jpeg(), "image/jpeg", "image" },
        { "png", SampleFiles.Png(), "image/png", "image" },
        { "gif", SampleFiles.Gif(), "image/gif", "image" },
        { "webp", SampleFiles.Webp(), "image/webp", "image" },
        { "amr", SampleFiles.Amr(), "audio/amr", "audio" },
        { "silk", SampleFiles.WeChatSilk(), "audio/silk", "audio" },
        { "mp3", SampleFiles.Mp3WithTag(), "audio/mpeg", "audio" },
        { "mp3", SampleFiles.Mp3Frame(), "audio/mpeg", "audio" },
        { "wav", SampleFiles.Wav(), "audio/wav", "audio" },
        { "ogg", SampleFiles.Ogg(), "audio/ogg", "audio" },
        { "m4a", SampleFiles.M4a(), "audio/mp4", "audio" },
        { "mp4", SampleFiles.Mp4(), "video/mp4", "video" },
        { "pdf", SampleFiles.Pdf(), "application/pdf", "document" },
        { "docx", SampleFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document" },
        { "xlsx", SampleFiles.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document" },
        { "text", SampleFiles.Text("订单 20261111-42\r\n\t已签收"), "text/plain; charset=utf-8", "text" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Each_accepted_type_is_known_by_its_first_bytes(string name, byte[] content, string contentType, string kind)
    {
        var type = FileTypes.Sniff(content);

        Assert.Equal((name, contentType, kind), (type?.Name, type?.ContentType, type?.Kind));
    }

    public static TheoryData<string, byte[]> Refused() => new()
    {
        { "a Windows executable", SampleFiles.Executable() },
        { "a ZIP archive that is no Office document", SampleFiles.PlainZip() },
        { "text with a NUL byte", SampleFiles.Text("abc\0def") },
        { "bytes that are not UTF-8", [0xC3, 0x28, 0xA0, 0xA1] },
        { "a broken ZIP header", [(byte)'P', (byte)'K', 0x03, 0x04, 0x00] },
        { "nothing", [] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Unknown_content_is_not_given_a_type(string what, byte[] content)
    {
        Assert.True(FileTypes.Sniff(content) is null, $"{what} was taken for a known type");
    }

    [Fact]
    public void A_jpeg_header_is_no_mp3_frame_although_both_start_with_0xff()
    {
        Assert.Equal("jpeg", FileTypes.Sniff(SampleFiles.Jpeg())?.Name);
        Assert.Null(FileTypes.Sniff([0xFF, 0xF1, 0x50, 0x80, 0x00]));
    }
}
