using Microsoft.Extensions.Options;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// Checks, seals and stores files of a customer, and opens them again: what the upload route, the channel media fetch
/// and the download share. The store sees only sealed content.
/// </summary>
public sealed class AttachmentVault(IAttachmentStore store, IPersonalDataProtection protection, IOptions<AttachmentOptions> options, TimeProvider time)
{
    /// <summary>The limits in force; an upload reads at most <see cref="AttachmentOptions.LargestBytes"/> before checking.</summary>
    public AttachmentOptions Limits => options.Value;

    public AttachmentVerdict Check(ReadOnlySpan<byte> content) => AttachmentCheck.Check(content, options.Value);

    /// <summary>Seals and stores a file already checked as <paramref name="type"/>; a repeat of the same id stores nothing more.</summary>
    public async Task<AttachmentNote> StoreAsync(
        string tenant, Guid customer, Guid id, string fileName, byte[] content, FileType type, string actor, string? inboundMessage, CancellationToken cancellationToken)
    {
        var name = FileNames.Clean(fileName, type);
        using (var cipher = await protection.ForWritingAsync(tenant, customer))
        {
            await store.PutAsync(AttachmentSeal.Seal(tenant, id, customer, name, type, content, cipher, time.GetUtcNow()), cancellationToken);
        }

        return new AttachmentNote(id, name, type.ContentType, content.Length, actor, inboundMessage);
    }

    /// <summary>The tenant's file, opened; null when there is none or its customer was erased.</summary>
    public async Task<OpenedAttachment?> OpenAsync(string tenant, Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenant, id, cancellationToken) is not { } stored)
        {
            return null;
        }

        using var cipher = await protection.ForReadingAsync(tenant, stored.CustomerId);
        try
        {
            return AttachmentSeal.Open(stored, cipher);
        }
        catch (UnknownKeyVersionException)
        {
            // A key version made by another process since this one cached the customer's keys.
            using var fresh = await protection.ForReadingAsync(tenant, stored.CustomerId, refresh: true);
            return AttachmentSeal.Open(stored, fresh);
        }
    }
}
