namespace TicketGrains.Grains.Attachments;

/// <summary>A stored file opened for its download.</summary>
public sealed record OpenedAttachment(Guid Id, string FileName, string ContentType, byte[] Content, DateTimeOffset CreatedAt);
