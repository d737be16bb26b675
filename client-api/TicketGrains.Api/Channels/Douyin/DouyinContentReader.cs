using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// Normalises the content of an im_receive_msg by its message_type. Douyin documents the type names but not every inner
/// field, so each part is looked up under the names seen for it, and anything unreadable is kept as a readable text line
/// with the raw content, never dropped.
/// </summary>
internal static class DouyinContentReader
{
    public static InboundMessage Normalise(InboundMessage message, JsonElement? content, string? raw)
    {
        if (content is not { } body)
        {
            return message with { Kind = InboundKinds.Text, Text = raw is null ? "[Douyin message without content]" : $"[Douyin message] {raw}" };
        }

        var type = PushJson.FirstText(body, "message_type", "msg_type") ?? (PushJson.Text(body, "text") is null ? "unknown" : "text");
        return type switch
        {
            "text" => message with { Kind = InboundKinds.Text, Text = PushJson.Text(body, "text") ?? "" },
            "image" or "user_local_image" => message with
            {
                Kind = InboundKinds.Image,
                Text = "[Douyin image]",
                MediaId = PushJson.FirstText(body, "resource_id", "media_id", "image_id"),
                MediaUrl = PushJson.FirstText(body, "resource_url", "image_url", "url"),
            },
            "video" or "user_local_video" => message with
            {
                Kind = InboundKinds.Video,
                Text = "[Douyin video]",
                MediaId = PushJson.FirstText(body, "item_id", "video_id", "resource_id", "media_id"),
                MediaUrl = PushJson.FirstText(body, "resource_url", "video_url", "url"),
            },
            "emoji" => message with
            {
                Kind = InboundKinds.Image,
                Text = "[Douyin emoji]",
                MediaFormat = "emoji",
                MediaUrl = PushJson.FirstText(body, "resource_url", "url"),
            },
            "card" or "link" or "share" or "retain_consult_card" => Card(message, body, type, raw),
            _ => message with { Kind = InboundKinds.Text, Text = $"[Douyin {type} message] {raw}" },
        };
    }

    private static InboundMessage Card(InboundMessage message, JsonElement body, string type, string? raw)
    {
        var title = PushJson.FirstText(body, "title", "card_title");
        var description = PushJson.FirstText(body, "description", "desc", "text");
        return PushJson.FirstText(body, "url", "link", "card_url") is { } url
            ? message with { Kind = InboundKinds.Link, Text = title, Link = new InboundLink(url, title, description) }
            : message with { Kind = InboundKinds.Text, Text = $"[Douyin {type}] {title ?? description ?? raw}" };
    }
}
