namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A stored file a ticket is to record: its id, cleaned file name, content type and size from its content, who attached
/// it (a credential's subject, or "channel:{id}"), the inbound message it came with, if any, and what a voice note says
/// when that is known as the file is recorded (WeChat's Recognition).
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.AttachmentNote")]
public sealed record class AttachmentNote(
    [property: Id(0)] Guid AttachmentId,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Bytes,
    [property: Id(4)] string Actor,
    [property: Id(5)] string? InboundMessage,
    [property: Id(6)] AttachmentTranscript? Transcript = null);
