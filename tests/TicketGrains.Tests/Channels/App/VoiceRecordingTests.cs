using System.Text;
using TicketGrains.Api.Channels.App;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Tests.Attachments;
using Xunit;

namespace TicketGrains.Tests.Channels.App;

public sealed class VoiceRecordingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 11, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Settings = new() { ["secret"] = AppRequests.Secret };

    [Fact]
    public void A_phone_voice_note_carries_its_recording_as_a_file_typed_by_its_content()
    {
        var audio = SampleFiles.Amr();

        var outcome = Handle(AppChannelAdapter.Phone, AppRequests.VoiceNoteWithAudio("call-1", "+8613800138000", "我要退货", audio, Now));

        var message = Assert.Single(Assert.IsType<InboundOutcome.Accepted>(outcome).Messages);
        var file = Assert.Single(message.Attachments);
        Assert.Equal(("voice", "我要退货", "voice-note.amr", "audio/amr"), (message.Kind, message.Text, file.FileName, file.ContentType));
        Assert.Equal(audio, file.Content);
    }

    [Fact]
    public void A_recording_that_is_no_audio_or_not_base64_or_on_an_app_channel_is_refused_naming_audio()
    {
        var picture = Handle(AppChannelAdapter.Phone, AppRequests.VoiceNoteWithAudio("call-2", "+8613800138000", "x", SampleFiles.Jpeg(), Now));
        var garbled = Handle(AppChannelAdapter.Phone,
            AppRequests.VoiceNoteWithAudio("call-3", "+8613800138000", "x", SampleFiles.Amr(), Now).Replace("\"audio\":\"", "\"audio\":\"*", StringComparison.Ordinal));
        var onApp = Handle(AppChannelAdapter.App, AppRequests.VoiceNoteWithAudio("call-4", "u-1", "x", SampleFiles.Amr(), Now));

        Assert.All(new[] { picture, garbled, onApp }, o => Assert.Equal("audio", Assert.IsType<InboundOutcome.Refused>(o).Field));
        Assert.Contains("not an audio recording", Assert.IsType<InboundOutcome.Refused>(picture).Detail, StringComparison.Ordinal);
    }

    private static InboundOutcome Handle(string type, string body)
    {
        var timestamp = AppRequests.Timestamp(Now);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [AppChannelAdapter.TimestampHeader] = timestamp,
            [AppChannelAdapter.SignatureHeader] = AppRequests.Signature(AppRequests.Secret, timestamp, body),
        };
        return new AppChannelAdapter(type).Handle(new InboundRequest("POST", new Dictionary<string, string>(), headers, Encoding.UTF8.GetBytes(body), Now), Settings);
    }
}
