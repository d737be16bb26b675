using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Attachments;

namespace TicketGrains.Api.Attachments;

/// <summary>An attached file as the upload answers it: where to download it, and what its content showed it to be.</summary>
public sealed record AttachmentView(Guid Id, Guid TicketId, string FileName, string ContentType, string Type, string Kind, long Bytes, string Url)
{
    public static AttachmentView Of(Guid ticketId, AttachmentNote note, FileType type) =>
        new(note.AttachmentId, ticketId, note.FileName, note.ContentType, type.Name, type.Kind, note.Bytes, $"/api/v1/attachments/{note.AttachmentId}");
}
