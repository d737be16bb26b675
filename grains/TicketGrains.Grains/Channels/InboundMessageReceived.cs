using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// A customer's message arrived on a channel and is durable (version 1 of its inbound stream). <paramref name="Content"/>
/// is the <see cref="InboundContent"/> as JSON, sealed with the customer's data key like a ticket's text, so erasing the
/// customer erases it; kind, times, channel and customer stay clear for routing and statistics.
/// </summary>
public sealed record InboundMessageReceived(
    Guid ChannelId,
    string ChannelType,
    Guid CustomerId,
    string CustomerTier,
    string Kind,
    DateTimeOffset SentAt,
    string Content,
    DateTimeOffset At) : IDomainEvent;
