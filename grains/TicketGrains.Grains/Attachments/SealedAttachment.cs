namespace TicketGrains.Grains.Attachments;

/// <summary>
/// A file as stored: <see cref="Content"/> sealed with a key of its own, <see cref="SealedKey"/> that key and
/// <see cref="SealedName"/> the file name, both sealed with the customer's data key. <see cref="ContentType"/> and
/// <see cref="Bytes"/> (the clear length) come from the content, never from the sender.
/// </summary>
public sealed record SealedAttachment(
    string Tenant,
    Guid Id,
    Guid CustomerId,
    string SealedName,
    string ContentType,
    long Bytes,
    string SealedKey,
    byte[] Content,
    DateTimeOffset CreatedAt);
