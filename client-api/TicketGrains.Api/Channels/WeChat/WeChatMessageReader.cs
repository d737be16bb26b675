using System.Globalization;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>Normalises one WeChat push (its XML fields, decrypted if it came in safe mode) to an inbound message.</summary>
public static class WeChatMessageReader
{
    /// <summary>The message types read field by field; any other is kept as a text line (see <see cref="Read"/>).</summary>
    private static readonly HashSet<string> ReadTypes = ["text", "image", "voice", "video", "shortvideo", "location", "link"];

    /// <summary>
    /// Events no follower caused, though FromUserName names one (or WeChat's system account): the reports on how the
    /// account's own sends went (template and mass messages, publishing, subscription messages), the customer-service
    /// sessions the shop's agents took, closed or handed over (多客服), and the account's verification notices. Filed,
    /// each would open a ticket in the follower's name for something the shop did.
    /// </summary>
    private static readonly HashSet<string> NotTheFollowers =
    [
        "TEMPLATESENDJOBFINISH", "MASSSENDJOBFINISH", "PUBLISHJOBFINISH", "subscribe_msg_sent_event",
        "kf_create_session", "kf_close_session", "kf_switch_session",
        "qualification_verify_success", "qualification_verify_fail", "naming_verify_success", "naming_verify_fail", "annual_renew", "verify_expired",
    ];

    /// <summary>
    /// The push as an inbound message, or null for an event no follower caused, which is acknowledged and stored
    /// nowhere. A message type not read here is kept as a text line naming it: refusing it would make WeChat retry and
    /// then tell the follower the account cannot serve them, and dropping it would lose what they sent.
    /// </summary>
    public static InboundMessage? Read(XmlFields xml)
    {
        var type = xml.RequiredName("MsgType");
        var sender = xml.RequiredName("FromUserName");
        var createTime = xml.RequiredUnixSeconds("CreateTime");

        if (type == "event" && NotTheFollowers.Contains(xml.RequiredName("Event")))
        {
            return null;
        }

        var message = new InboundMessage
        {
            PlatformMessageId = MessageId(xml, type, sender, createTime),
            SenderId = sender,
            SentAt = DateTimeOffset.FromUnixTimeSeconds(createTime),
            Kind = InboundKinds.Text,
        };
        return type switch
        {
            "text" => message with { Text = xml.Required("Content") },
            "image" => message with { Kind = InboundKinds.Image, MediaId = xml.RequiredName("MediaId"), MediaUrl = xml.RequiredName("PicUrl") },
            "voice" => message with
            {
                Kind = InboundKinds.Voice,
                MediaId = xml.RequiredName("MediaId"),
                MediaFormat = xml.RequiredName("Format"),
                Text = xml.Optional("Recognition"),
            },
            "video" or "shortvideo" => message with { Kind = InboundKinds.Video, MediaId = xml.RequiredName("MediaId"), MediaFormat = type },
            "location" => message with
            {
                Kind = InboundKinds.Location,
                Location = new InboundLocation(xml.RequiredNumber("Location_X"), xml.RequiredNumber("Location_Y"),
                    xml.OptionalNumber("Scale"), xml.Optional("Label")),
            },
            "link" => message with
            {
                Kind = InboundKinds.Link,
                Link = new InboundLink(xml.RequiredName("Url"), xml.Optional("Title"), xml.Optional("Description")),
            },
            "event" => Event(message, xml),
            _ => message with { Text = $"[WeChat {type} message] {xml.Optional("Title") ?? xml.Optional("Content")}".TrimEnd() },
        };
    }

    /// <summary>
    /// Events carry no MsgId: a retry repeats sender, time and event, so together they identify it. A type not read
    /// here is keyed alike by its type when it has no MsgId; a type read here must have its MsgId.
    /// </summary>
    private static string MessageId(XmlFields xml, string type, string sender, long createTime)
    {
        var repeated = type == "event" ? xml.RequiredName("Event") : type;
        // The voice message's field table spells it MsgID where every example writes MsgId.
        var msgId = xml.OptionalName("MsgId", "MsgID");
        return type == "event" || (!ReadTypes.Contains(type) && msgId is null)
            ? $"{sender}:{createTime.ToString(CultureInfo.InvariantCulture)}:{repeated}"
            : msgId ?? throw InboundRefusal.Malformed("MsgId", "The element <MsgId> is missing or empty.");
    }

    private static InboundMessage Event(InboundMessage message, XmlFields xml)
    {
        var name = xml.RequiredName("Event");
        return message with
        {
            Kind = InboundKinds.Event,
            EventName = name,
            EventKey = xml.Optional("EventKey"),
            // The LOCATION event reports where the user is (when they allowed it); its coordinates are named unlike a location message's.
            Location = name == "LOCATION"
                ? new InboundLocation(xml.RequiredNumber("Latitude"), xml.RequiredNumber("Longitude"), xml.OptionalNumber("Precision"), null)
                : null,
        };
    }
}
