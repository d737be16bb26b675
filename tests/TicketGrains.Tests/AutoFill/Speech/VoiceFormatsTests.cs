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
        Assert.Equal("amr-nb", VoiceFormats.SoxType(FileTypes.Amr, "#!AMR\n\u0001\u0002"u8));
        Assert.Equal("amr-wb", VoiceFormats.SoxType(FileTypes.Amr, "#!AMR-WB\n\u0004"u8));
        var mp3 = "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000"u8;
        Assert.Equal("mp3", VoiceFormats.SoxType(VoiceFormats.Check(mp3, 1024), mp3));
    }

    [Fact]
    public void An_amr_note_of_whole_frames_or_cut_inside_its_last_frame_is_taken()
    {
        // Frame types 7 (31 payload bytes), 8 (comfort noise, 5) and 15 (no data, 0); the second file stops 10 bytes into a frame.
        byte[] whole = [.. "#!AMR\n"u8, 0x3C, .. new byte[31], 0x44, .. new byte[5], 0x7C];
        byte[] cut = [.. whole, 0x3C, .. new byte[10]];

        Assert.Equal(FileTypes.Amr, VoiceFormats.Check(whole, 1024));
        Assert.Equal(FileTypes.Amr, VoiceFormats.Check(cut, 1024));
    }

    [Theory]
    [InlineData("#!AMR\n", 0x3C, 31, 0x48, "The AMR voice note is damaged: frame 1 (byte 38) has the reserved frame type 9.")]
    [InlineData("#!AMR\n", 0x00, 12, 0xF4, "The AMR voice note is damaged: frame 1 (byte 19) has the reserved frame type 14.")]
    [InlineData("#!AMR-WB\n", 0x04, 17, 0x6C, "The AMR-WB voice note is damaged: frame 1 (byte 27) has the reserved frame type 13.")]
    public void An_amr_note_with_a_reserved_frame_type_is_refused_naming_the_file_before_sox_spins_on_it(
        string magic, byte firstHeader, int firstPayload, byte badHeader, string message)
    {
        byte[] note = [.. System.Text.Encoding.ASCII.GetBytes(magic), firstHeader, .. new byte[firstPayload], badHeader, .. new byte[40]];

        var refused = Assert.Throws<InvalidFieldException>(() => VoiceFormats.Check(note, 1024));

        Assert.Equal(("file", message), (refused.Field, refused.Message));
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
