using System.Text.Json;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// Normalises one verified Weibo push: text, position, voice, image, event (its subtype as the event name) and mention.
/// Weibo asks receivers to ignore types they do not know; those are accepted and store nothing.
/// </summary>
internal static class WeiboPushReader
{
    /// <summary>An empty answer: Weibo does nothing with it and does not retry.</summary>
    private static readonly InboundAnswer Answer = InboundAnswer.Text("");

    /// <summary>
    /// Weibo's own push samples carry a trailing comma (the event sample ends <c>"ticket": "TICKET",</c>) and notes
    /// as comments; neither changes what the push says, so neither makes it malformed.
    /// </summary>
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static InboundOutcome Read(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = PushJson.Parse(body, Lenient);
        }
        catch (JsonException)
        {
            return new InboundOutcome.Refused(400, "body", "The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new InboundOutcome.Refused(400, "body", "The body is not a JSON object.");
            }

            if (PushJson.Text(root, "type") is not { } type)
            {
                return new InboundOutcome.Refused(400, "type", "The push has no type.");
            }

            if (PushJson.Text(root, "sender_id") is not { } sender)
            {
                return new InboundOutcome.Refused(400, "sender_id", "The push names no sender.");
            }

            if (!WeiboTime.TryParse(PushJson.Text(root, "created_at"), out var createdAt))
            {
                return new InboundOutcome.Refused(400, "created_at", "created_at is missing or not a Weibo date.");
            }

            var data = PushJson.Object(root, "data") ?? default;
            var message = new InboundMessage
            {
                // Weibo documents no message id; a push without one is keyed as WeiboPushKey says.
                PlatformMessageId = PushJson.FirstText(root, "msg_id", "message_id", "id")
                    ?? WeiboPushKey.Of(sender, createdAt.ToUnixTimeSeconds(), type, PushJson.Text(data, "subtype")),
                SenderId = sender,
                Kind = InboundKinds.Text,
                SentAt = createdAt,
                Text = PushJson.Text(root, "text"),
            };
            return Normalise(type, message, data);
        }
    }

    private static InboundOutcome Normalise(string type, InboundMessage message, JsonElement data)
    {
        switch (type)
        {
            case "text":
                return Accepted(message);
            case "position":
                if (!PushJson.TryNumber(data, "latitude", out var latitude))
                {
                    return new InboundOutcome.Refused(400, "data.latitude", "A position push needs a numeric data.latitude.");
                }

                if (!PushJson.TryNumber(data, "longitude", out var longitude))
                {
                    return new InboundOutcome.Refused(400, "data.longitude", "A position push needs a numeric data.longitude.");
                }

                return Accepted(message with { Kind = InboundKinds.Location, Location = new InboundLocation(latitude, longitude, null, message.Text) });
            case "voice" or "image":
                var mediaId = WeiboMediaId.Format(PushJson.Text(data, "vfid"), PushJson.Text(data, "tovfid"));
                return mediaId is null
                    ? new InboundOutcome.Refused(400, "data.vfid", $"A {type} push needs data.vfid.")
                    : Accepted(message with { Kind = type == "voice" ? InboundKinds.Voice : InboundKinds.Image, MediaId = mediaId });
            case "event":
                return Accepted(message with
                {
                    Kind = InboundKinds.Event,
                    EventName = PushJson.Text(data, "subtype") ?? "event",
                    EventKey = PushJson.Text(data, "key"),
                });
            case "mention":
                return Accepted(message with { Kind = InboundKinds.Event, EventName = "mention", EventKey = PushJson.Text(data, "subtype") });
            default:
                return new InboundOutcome.Accepted([], Answer);
        }
    }

    private static InboundOutcome.Accepted Accepted(InboundMessage message) => new([message], Answer);
}
