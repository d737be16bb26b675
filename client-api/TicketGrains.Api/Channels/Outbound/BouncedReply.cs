namespace TicketGrains.Api.Channels.Outbound;

/// <summary>A sent reply that a delivery report failed afterwards: what its second <c>message.delivery</c> outcome names.</summary>
public sealed record BouncedReply(Guid TicketId, Guid ChannelId, int Attempts, string? PlatformMessageId);
