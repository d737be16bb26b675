using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// The media of a channel message (its inbound stream) could not be fetched or stored for good: the message's text stays
/// on the ticket, and this says why its file is missing.
/// </summary>
public sealed record AttachmentFetchFailed(string InboundMessage, string Reason, DateTimeOffset At) : IDomainEvent;
