using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Api.Channels.App;

/// <summary>
/// The recording a phone system uploads with a voice note (<c>audio</c>, base64): accepted only on a phone channel and
/// only when its content is audio (amr, silk, mp3, wav, ogg, m4a), whatever it claims; it travels with the message as
/// a carried file and is stored as the ticket's voice attachment.
/// </summary>
public static class VoiceRecording
{
    public static (InboundAttachment? File, string? Problem) Read(string? base64, string channelType)
    {
        if (base64 is null)
        {
            return (null, null);
        }

        if (channelType != AppChannelAdapter.Phone)
        {
            return (null, "'audio' is a phone channel's recording of a voice note; an app sends media by 'mediaId'.");
        }

        var content = new byte[base64.Length * 3 / 4];
        if (!Convert.TryFromBase64String(base64, content, out var length) || length == 0)
        {
            return (null, "'audio' must be the recording in base64.");
        }

        content = content[..length];
        return FileTypes.Sniff(content) is { Kind: FileKinds.Audio } type
            ? (new InboundAttachment($"voice-note.{type.Name}", type.ContentType, content), null)
            : (null, "'audio' is not an audio recording by its content (amr, silk, mp3, wav, ogg or m4a).");
    }
}
