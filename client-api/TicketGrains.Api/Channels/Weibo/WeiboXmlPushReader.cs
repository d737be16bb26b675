using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;

namespace TicketGrains.Api.Channels.Weibo;

/// <summary>
/// Normalises one verified Weibo push in the "WeChat-compatible" XML format, which an account chooses instead of JSON
/// with Weibo's <c>Eps/push/set_format</c>: the WeChat field names (FromUserName, CreateTime in seconds, MsgType,
/// Content, Location_X/Location_Y, Event/EventKey) for Weibo's messages. Weibo leaves MsgId empty in this format, so a
/// push is keyed like a JSON push without an id: sender, creation time, type and an event's name. An image or voice
/// names only the receiving account's copy of its file (MediaId is JSON's tovfid), and Weibo's download needs the
/// sender's vfid too; such a message is kept as a text line that says so, so the agent knows something was sent and the
/// shop how to get the files. Types this format does not document are acknowledged and store nothing, as Weibo asks.
/// </summary>
internal static class WeiboXmlPushReader
{
    private static readonly InboundAnswer Answer = InboundAnswer.Text("");

    /// <summary>Whether the body is XML rather than JSON: its first character after white space (and a byte order mark) is '&lt;'.</summary>
    public static bool IsXml(byte[] body)
    {
        foreach (var b in ByteOrderMark.Skipped(body).Span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b == (byte)'<';
            }
        }

        return false;
    }

    public static InboundOutcome Read(byte[] body)
    {
        try
        {
            var xml = XmlFields.Parse(body);
            var type = xml.RequiredName("MsgType");
            var sender = xml.RequiredName("FromUserName");
            var createTime = xml.RequiredUnixSeconds("CreateTime");

            var eventName = type == "event" ? xml.RequiredName("Event") : null;
            var message = new InboundMessage
            {
                PlatformMessageId = xml.OptionalName("MsgId", "MsgID") ?? WeiboPushKey.Of(sender, createTime, type, eventName),
                SenderId = sender,
                Kind = InboundKinds.Text,
                SentAt = DateTimeOffset.FromUnixTimeSeconds(createTime),
            };
            InboundMessage? read = type switch
            {
                "text" => message with { Text = xml.Required("Content") },
                "image" or "voice" => message with
                {
                    Text = $"[Weibo {type} message: its file cannot be fetched from an XML push, which names only the account's copy; "
                        + "set the account's push format to JSON to receive files]",
                },
                "location" or "position" => message with
                {
                    Kind = InboundKinds.Location,
                    Location = new InboundLocation(xml.RequiredNumber("Location_X"), xml.RequiredNumber("Location_Y"),
                        xml.OptionalNumber("Scale"), xml.Optional("Label")),
                },
                "event" => message with { Kind = InboundKinds.Event, EventName = eventName, EventKey = xml.Optional("EventKey") },
                _ => null,
            };
            return new InboundOutcome.Accepted(read is null ? [] : [read], Answer);
        }
        catch (InboundRefusal refusal)
        {
            return refusal.Outcome;
        }
    }
}
