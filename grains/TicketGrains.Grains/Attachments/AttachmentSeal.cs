using System.Security.Cryptography;
using System.Text;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// Seals a file one level below the customer's data key (ADR 0003, 0015): the content with a random key of its own, that
/// key and the file name with the customer's cipher. Destroying the customer's key leaves the content key unreadable,
/// and the content with it; the content's key also lets a large object store hold content the database never sees.
/// </summary>
public static class AttachmentSeal
{
    public static SealedAttachment Seal(
        string tenant, Guid id, Guid customer, string fileName, FileType type, ReadOnlySpan<byte> content, PersonalDataCipher cipher, DateTimeOffset now)
    {
        var key = Aead.NewKey();
        try
        {
            var sealedContent = Aead.Seal(key, content, Context(tenant, id, customer));
            return new SealedAttachment(tenant, id, customer, cipher.Seal(fileName), type.ContentType, content.Length, cipher.Seal(Convert.ToBase64String(key)),
                sealedContent, now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The clear file; null when the customer's key was destroyed (an erasure). Throws UnknownKeyVersionException when the
    /// cipher lacks the key version (fetch the keys again), CryptographicException when anything was altered or moved.
    /// </summary>
    public static OpenedAttachment? Open(SealedAttachment stored, PersonalDataCipher cipher)
    {
        var key = cipher.Open(stored.SealedKey);
        if (key == PersonalData.Erased)
        {
            return null;
        }

        var content = Aead.Open(Convert.FromBase64String(key), stored.Content, Context(stored.Tenant, stored.Id, stored.CustomerId));
        return new OpenedAttachment(stored.Id, cipher.Open(stored.SealedName), stored.ContentType, content, stored.CreatedAt);
    }

    /// <summary>Binds the sealed content to its tenant, id and customer: a row moved or relabelled fails to open.</summary>
    private static byte[] Context(string tenant, Guid id, Guid customer) => Encoding.UTF8.GetBytes($"attachment\n{tenant}\n{id:D}\n{customer:D}");
}
