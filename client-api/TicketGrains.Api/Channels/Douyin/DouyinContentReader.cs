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
            // Text that is not a string (or is missing) would store an empty message: the raw content keeps what came.
            "text" => message with { Kind = InboundKinds.Text, Text = PushJson.Text(body, "text") ?? $"[Douyin text message] {raw}" },
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
            "retain_consult_card" when FilledIn(body) is { } answers => message with { Kind = InboundKinds.Text, Text = $"[Douyin {type}] {answers}" },
            "card" or "link" or "share" or "retain_consult_card" => Card(message, body, type, raw),
            _ => message with { Kind = InboundKinds.Text, Text = $"[Douyin {type} message] {raw}" },
        };
    }

    /// <summary>
    /// A lead card the customer filled in (留资卡片): its card_data rows as "label: value" (name, phone …), or null when
    /// it has none (a card still blank).
    /// </summary>
    private static string? FilledIn(JsonElement body)
    {
        if (!body.TryGetProperty("card_data", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var answers = rows.EnumerateArray()
            .Select(row => (Label: PushJson.Text(row, "label"), Value: PushJson.Text(row, "value")))
            .Where(row => row.Value is not null)
            .Select(row => row.Label is null ? row.Value : $"{row.Label}: {row.Value}")
            .ToList();
        return answers.Count > 0 ? string.Join("; ", answers) : null;
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
