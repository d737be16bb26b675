using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Speech;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Speech;

public sealed class RecognitionTranscriptTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_voice_messages_recognition_is_its_audio_files_transcript_with_numbers_as_digits()
    {
        Assert.Equal(new AttachmentTranscript("我要退货", "speech", 0.8), RecognitionTranscript.Of("voice", " 我要退货 ", "audio/amr"));
        Assert.Equal(new AttachmentTranscript("订单号 38855 没收到", "speech", 0.8),
            RecognitionTranscript.Of("voice", "订单号 three eight eight double five 没收到", "audio/amr"));
        Assert.Equal("我的订单号是388512", RecognitionTranscript.Of("voice", "我的订单号是三八八五一二", "audio/amr")?.Text);
    }

    [Theory]
    [InlineData("voice", null, "audio/amr")]
    [InlineData("voice", "  ", "audio/amr")]
    [InlineData("image", "我要退货", "image/png")]
    [InlineData("file", "我要退货", "audio/amr")]
    [InlineData("voice", "我要退货", "video/mp4")]
    public void Anything_else_has_no_transcript(string kind, string? recognition, string contentType) =>
        Assert.Null(RecognitionTranscript.Of(kind, recognition, contentType));

    [Fact]
    public void The_ticket_records_the_transcript_and_the_log_seals_its_text()
    {
        var state = new TicketState();
        state.Apply(new TicketCreated(Guid.NewGuid(), Guid.NewGuid(), "wechat", "s", "b", "general", "normal", "general", new Dictionary<string, string>(), "", null, Now));
        var transcript = new AttachmentTranscript("我要退货", "speech", 0.8);
        var note = new AttachmentNote(Guid.NewGuid(), "voice.amr", "audio/amr", 4000, "channel:c", null, transcript);

        var added = AttachmentDecisions.Add(state, note, Now)!;
        var sealedEvent = (AttachmentAdded)EventProtection.Map(added, text => "tge1:" + text.Length);

        Assert.Equal(transcript, added.Transcript);
        Assert.Equal(new AttachmentTranscript("tge1:4", "speech", 0.8), sealedEvent.Transcript);
        Assert.Null(((AttachmentAdded)EventProtection.Map(added with { Transcript = null }, text => "sealed")).Transcript);
    }
}
