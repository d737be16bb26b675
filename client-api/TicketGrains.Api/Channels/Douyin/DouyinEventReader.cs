using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// Turns a verified Douyin event into inbound messages: im_receive_msg is the customer's private message; entering the
/// chat page and recalling a message are events an agent can use; every other event (the shop's own sent messages,
/// read receipts, authorisations) is accepted and stores nothing, and so is any event the shop's own account sent (a
/// message an agent recalled), when the channel names that account (<see cref="DouyinSettings.AccountOpenId"/>).
/// </summary>
internal static class DouyinEventReader
{
    public const string MessageIdHeader = "Msg-Id";
    public const string ReceivedMessage = "im_receive_msg";

    private static readonly HashSet<string> CustomerEvents = ["im_enter_direct_msg", "im_recall_msg"];

    public static InboundOutcome Read(string eventName, JsonElement root, InboundRequest request, string? shopOpenId)
    {
        var isMessage = eventName == ReceivedMessage;
        if (!isMessage && !CustomerEvents.Contains(eventName))
        {
            return new InboundOutcome.Accepted([], InboundAnswer.Success);
        }

        if (request.Header(MessageIdHeader) is not { Length: > 0 } messageId)
        {
            return new InboundOutcome.Refused(400, MessageIdHeader, "The push carries no Msg-Id to de-duplicate it by.");
        }

        if (PushJson.Text(root, "from_user_id") is not { } sender)
        {
            return new InboundOutcome.Refused(400, "from_user_id", "The push names no sender.");
        }

        if (sender == shopOpenId)
        {
            return new InboundOutcome.Accepted([], InboundAnswer.Success);
        }

        var content = PushJson.Object(root, "content");
        var sentAt = request.ReceivedAt;
        if (content is { } created && PushJson.Text(created, "create_time") is { } createTime
            && !PushTime.IsFresh(createTime, request.ReceivedAt, out sentAt, out var readable))
        {
            return readable
                ? new InboundOutcome.Refused(403, "create_time", "The message was created outside the replay window.")
                : new InboundOutcome.Refused(400, "create_time", "create_time is not a timestamp.");
        }

        var message = new InboundMessage
        {
            PlatformMessageId = messageId,
            SenderId = sender,
            Kind = InboundKinds.Event,
            SentAt = sentAt,
            ThreadKey = content is { } thread ? PushJson.FirstText(thread, "conversation_short_id", "conversation_id") : null,
            SenderName = content is { } names ? Nickname(names, sender) : null,
        };
        message = isMessage
            ? DouyinContentReader.Normalise(message, content, RawContent(root))
            : message with { EventName = eventName, EventKey = content is { } key ? PushJson.FirstText(key, "server_message_id", "objectId") : null };
        return new InboundOutcome.Accepted([message], InboundAnswer.Success);
    }

    private static string? Nickname(JsonElement content, string sender) =>
        content.TryGetProperty("user_infos", out var users) && users.ValueKind == JsonValueKind.Array
            ? users.EnumerateArray().Where(user => PushJson.Text(user, "open_id") == sender).Select(user => PushJson.Text(user, "nick_name")).FirstOrDefault()
            : null;

    private static string? RawContent(JsonElement root) =>
        root.TryGetProperty("content", out var content)
            ? content.ValueKind == JsonValueKind.String ? content.GetString() : content.GetRawText()
            : null;
}
