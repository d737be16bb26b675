namespace TicketGrains.Grains.Channels.Outbound;

/// <summary>
/// Where a public reply goes, decided when it is written and recorded on its <c>MessageAdded</c>: back through the
/// channel of the customer's last inbound message (<see cref="InboundMessage"/>, its stream, whose sealed content names
/// the customer's id on the platform and the message answered). <see cref="MessageId"/> names the outbound message
/// (its delivery row, WeCom's msgid, the e-mail's Message-ID); <see cref="CustomerId"/> is whose key seals the text.
/// </summary>
public sealed record ReplyRoute(Guid MessageId, Guid ChannelId, string InboundMessage, Guid CustomerId);
