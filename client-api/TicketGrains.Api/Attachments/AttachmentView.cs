using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Api.Attachments;

/// <summary>
/// An attached file as the upload answers it: where to download it, what its content showed it to be, and for a voice
/// note whose words are known, its <see cref="Transcript"/> (text, source "speech", confidence).
/// </summary>
public sealed record AttachmentView(
    Guid Id, Guid TicketId, string FileName, string ContentType, string Type, string Kind, long Bytes, string Url, AttachmentTranscript? Transcript)
{
    public static AttachmentView Of(Guid ticketId, AttachmentNote note, FileType type) =>
        new(note.AttachmentId, ticketId, note.FileName, note.ContentType, type.Name, type.Kind, note.Bytes, $"/api/v1/attachments/{note.AttachmentId}", note.Transcript);
}
