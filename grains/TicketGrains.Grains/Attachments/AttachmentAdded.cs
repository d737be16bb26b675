using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// A file was attached to the ticket: its id (downloadable at /api/v1/attachments/{id}), name (sealed with the customer's
/// key like the ticket's text), content type and size as its content showed them, who attached it, and for a file that
/// came with a channel message, that message's inbound stream; a voice note's transcript when it came with the note
/// (its text sealed like the name).
/// </summary>
public sealed record AttachmentAdded(
    Guid AttachmentId,
    string FileName,
    string ContentType,
    long Bytes,
    string Actor,
    DateTimeOffset At,
    string? InboundMessage = null,
    AttachmentTranscript? Transcript = null) : IDomainEvent;
