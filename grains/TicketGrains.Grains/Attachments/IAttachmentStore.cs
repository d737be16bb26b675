namespace TicketGrains.Grains.Attachments;

/// <summary>
/// Where sealed files are kept, by tenant and id, whole (each is bounded by <see cref="AttachmentOptions"/>). PostgreSQL
/// by default (<see cref="PostgresAttachmentStore"/>); an S3-compatible store can take the content while PostgreSQL
/// keeps the rest (ADR 0015).
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Stores the file; false when one with its id is there already (a repeated upload or fetch), which is left as it was.</summary>
    Task<bool> PutAsync(SealedAttachment attachment, CancellationToken cancellationToken);

    /// <summary>The file, or null when the tenant has none with that id.</summary>
    Task<SealedAttachment?> GetAsync(string tenant, Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes one file; false when there was none.</summary>
    Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes every file of the customer (its erasure); returns how many.</summary>
    Task<int> DeleteOfCustomerAsync(string tenant, Guid customer, CancellationToken cancellationToken);
}
