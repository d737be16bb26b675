using System.Text.RegularExpressions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.App;

/// <summary>Checks an app or phone message and normalises it; the first wrong member is named.</summary>
public static partial class AppMessageRules
{
    private const int MaxId = 128;

    public static (InboundMessage? Message, string? Field, string? Detail) Normalise(AppMessage m, string type)
    {
        var kind = m.Kind ?? (type == AppChannelAdapter.Phone ? InboundKinds.Voice : null);
        string? problem = null;
        var field = "";
        void Check(string name, bool ok, string detail)
        {
            if (problem is null && !ok)
            {
                (field, problem) = (name, detail);
            }
        }

        Check("messageId", m.MessageId is { Length: > 0 and <= MaxId }, $"'messageId' is required: the app's id of the message (at most {MaxId} characters).");
        Check("userId", m.UserId is { Length: > 0 and <= MaxId }, $"'userId' is required (at most {MaxId} characters).");
        Check("userId", type != AppChannelAdapter.Phone || m.UserId is null || PhoneNumber().IsMatch(m.UserId), "On a phone channel 'userId' is the caller's number: digits, optionally after '+'.");
        Check("kind", kind is not null && InboundKinds.All.Contains(kind), $"'kind' must be one of: {string.Join(", ", InboundKinds.All)}.");
        Check("kind", type != AppChannelAdapter.Phone || kind == InboundKinds.Voice, "A phone channel takes voice notes: 'kind' is voice.");
        Check("sentAt", m.SentAt is not null, "'sentAt' is required (ISO 8601).");
        Check("text", m.Text is null || m.Text.Length <= TicketCatalog.MaxMessageLength, $"'text' is longer than {TicketCatalog.MaxMessageLength} characters.");
        Check("text", kind != InboundKinds.Text || !string.IsNullOrWhiteSpace(m.Text), "A text message needs 'text'.");
        Check("location", kind != InboundKinds.Location || m.Location is { Latitude: not null, Longitude: not null }, "A location message needs 'location' {latitude, longitude}.");
        Check("link", kind != InboundKinds.Link || m.Link?.Url is { Length: > 0 }, "A link message needs 'link' {url}.");
        Check("event", kind != InboundKinds.Event || m.Event is { Length: > 0 }, "An event message needs 'event'.");
        var recording = VoiceRecording.Read(m.Audio, type);
        Check("audio", recording.Problem is null, recording.Problem ?? "");
        if (problem is not null)
        {
            return (null, field, problem);
        }

        return (new InboundMessage
        {
            PlatformMessageId = m.MessageId!,
            SenderId = m.UserId!,
            SenderName = m.UserName,
            Kind = kind!,
            SentAt = m.SentAt!.Value,
            Text = m.Text,
            ThreadKey = m.ThreadId,
            MediaId = m.MediaId,
            MediaUrl = m.MediaUrl,
            MediaFormat = m.MediaFormat,
            Location = m.Location is { Latitude: { } lat, Longitude: { } lon } at ? new InboundLocation(lat, lon, null, at.Label) : null,
            Link = m.Link is { Url: { Length: > 0 } url } link ? new InboundLink(url, link.Title, link.Description) : null,
            EventName = m.Event,
            EventKey = m.EventKey,
            Attachments = recording.File is { } file ? [file] : [],
        }, null, null);
    }

    [GeneratedRegex(@"^\+?[0-9]{5,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
