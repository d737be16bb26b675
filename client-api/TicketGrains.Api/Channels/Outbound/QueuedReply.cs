namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// A reply in the outbox (tg_outbound_messages): which ticket event holds its text (<see cref="TicketVersion"/>), whose
/// key seals it, the channel and the customer's inbound message it answers, and how its delivery stands.
/// </summary>
public sealed record QueuedReply(
    string Tenant, Guid MessageId, Guid TicketId, int TicketVersion, Guid CustomerId, Guid ChannelId, string InboundStream, ReplyDelivery Delivery);
