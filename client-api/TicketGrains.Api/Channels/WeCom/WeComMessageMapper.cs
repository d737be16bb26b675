using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeCom;

/// <summary>
/// Normalises one item of sync_msg's msg_list. Only what customers did is kept: messages with origin 3 (sent by the
/// WeChat customer) and the events a customer caused or that tell of a message to them failing (origin 4). Messages
/// the servicers sent from the WeCom client (origin 5) and events of the servicers' doing (a session handed over or
/// ended, a servicer's recall or status) give null, though some of them name the customer.
/// </summary>
public static class WeComMessageMapper
{
    private const int FromCustomer = 3;

    /// <summary>The event types kept: entering the chat, recalling a message, and a message to the customer that failed.</summary>
    private static readonly HashSet<string> CustomerEvents = ["enter_session", "user_recall_msg", "msg_send_fail"];

    /// <summary>The raw content of a type not read field by field, with its Chinese left readable.</summary>
    private static readonly JsonSerializerOptions RawOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static InboundMessage? Map(JsonObject item)
    {
        var id = Text(item, "msgid");
        var type = Text(item, "msgtype");
        var sentAt = Integer(item, "send_time");
        if (id is null || type is null || sentAt is not (>= 0 and <= 253402300799))
        {
            return null;
        }

        if (type == "event")
        {
            return Event(id, DateTimeOffset.FromUnixTimeSeconds(sentAt.Value), item["event"] as JsonObject);
        }

        var sender = Text(item, "external_userid");
        if (sender is null || Integer(item, "origin") != FromCustomer)
        {
            return null;
        }

        var message = new InboundMessage { PlatformMessageId = id, SenderId = sender, SentAt = DateTimeOffset.FromUnixTimeSeconds(sentAt.Value), Kind = InboundKinds.Text };
        if (item[type] is not JsonObject body)
        {
            // A type WeCom sends without content (a note, 笔记, whose content sync_msg does not return): the customer sent
            // something, so it is kept by its type rather than dropped.
            return message with { Text = $"[WeCom {type} message]" };
        }

        return type switch
        {
            "text" => message with { Text = Text(body, "content") },
            "image" => message with { Kind = InboundKinds.Image, MediaId = Text(body, "media_id") },
            "voice" => message with { Kind = InboundKinds.Voice, MediaId = Text(body, "media_id") },
            "video" => message with { Kind = InboundKinds.Video, MediaId = Text(body, "media_id") },
            "file" => message with { Kind = InboundKinds.File, MediaId = Text(body, "media_id") },
            "location" when Number(body, "latitude") is { } latitude && Number(body, "longitude") is { } longitude => message with
            {
                Kind = InboundKinds.Location,
                Location = new InboundLocation(latitude, longitude, null, Text(body, "name") ?? Text(body, "address")),
                Text = Text(body, "address"),
            },
            "link" when Text(body, "url") is { } url => message with
            {
                Kind = InboundKinds.Link,
                Link = new InboundLink(url, Text(body, "title"), Text(body, "desc")),
            },
            // A business card, mini program, video-channel product or order, merged chat record …: the normalised message
            // has no field for them, so the customer's content goes in as it came rather than vanishing.
            _ => message with { Text = $"[WeCom {type} message] {body.ToJsonString(RawOptions)}" },
        };
    }

    private static InboundMessage? Event(string id, DateTimeOffset sentAt, JsonObject? body)
    {
        if (body is null || Text(body, "external_userid") is not { } sender || Text(body, "event_type") is not { } name || !CustomerEvents.Contains(name))
        {
            return null;
        }

        return new InboundMessage
        {
            PlatformMessageId = id,
            SenderId = sender,
            SentAt = sentAt,
            Kind = InboundKinds.Event,
            EventName = name,
            // What the event is about: the entry's scene, or the message recalled or not delivered.
            EventKey = Text(body, "scene_param") ?? Text(body, "scene") ?? Text(body, "recall_msgid") ?? Text(body, "fail_msgid"),
        };
    }

    private static string? Text(JsonObject json, string name) =>
        json[name]?.GetValueKind() == JsonValueKind.String && json[name]!.GetValue<string>() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// An integer sent as a number or as a string of digits; null for anything else (a fraction, a number too large),
    /// which skips the item: throwing would fail its whole page, and the cursor would never move past it.
    /// </summary>
    private static long? Integer(JsonObject json, string name) => json[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A coordinate sent as a number or as a numeric string; null for anything else.</summary>
    private static double? Number(JsonObject json, string name) => json[name] switch
    {
        JsonValue value when value.TryGetValue<double>(out var number) && double.IsFinite(number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };
}
