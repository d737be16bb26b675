namespace TicketGrains.Grains.Attachments;

/// <summary>
/// An inbound message whose media are to be fetched and stored: its stream (the message's own, holding its sealed
/// content at version 1 and its threading decision at version 2), channel, customer and kind, and how many attempts
/// were made so far (this one included, once taken).
/// </summary>
public sealed record MediaFetch(string Tenant, string StreamId, Guid ChannelId, Guid CustomerId, string Kind, int Attempts);
