using System.Text;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Speech;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class VoiceFormatsTests
{
    [Theory]
    [InlineData("audio/wav", true)]
    [InlineData("audio/amr", true)]
    [InlineData("audio/mpeg", true)]
    [InlineData("AUDIO/MPEG; charset=binary", true)]
    [InlineData("audio/ogg", true)]
    [InlineData("audio/silk", false)]
    [InlineData("image/png", false)]
    public void The_reader_takes_the_voice_formats_sox_decodes(string contentType, bool reads) =>
        Assert.Equal(reads, VoiceFormats.Reads(contentType));

    [Fact]
    public void The_type_comes_from_the_magic_bytes()
    {
        Assert.Equal(FileTypes.Amr, VoiceFormats.Check("#!AMR\n\u0001\u0002"u8, 1024));
        Assert.Equal("amr-nb", VoiceFormats.SoxType(FileTypes.Amr));
        Assert.Equal("mp3", VoiceFormats.SoxType(VoiceFormats.Check("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000"u8, 1024)));
    }

    [Fact]
    public void A_silk_note_an_image_or_an_oversized_note_is_refused_naming_the_file()
    {
        var silk = Assert.Throws<InvalidFieldException>(() => VoiceFormats.Check("\u0002#!SILK_V3\u0000\u0000"u8, 1024));
        var png = Assert.Throws<InvalidFieldException>(() => VoiceFormats.Check([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], 1024));
        var large = Assert.Throws<InvalidFieldException>(() => VoiceFormats.Check(Encoding.ASCII.GetBytes("#!AMR\n" + new string('x', 2000)), 1024));

        Assert.All(new[] { silk, png, large }, e => Assert.Equal("file", e.Field));
        Assert.Equal("A voice note may have at most 1024 bytes; this one has 2006.", large.Message);
    }
}
