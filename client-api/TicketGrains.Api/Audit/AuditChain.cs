using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Api.Audit;

/// <summary>
/// The hash chain of a tenant's audit log: hash = SHA-256(previous hash || canonical entry). The canonical entry
/// length-prefixes every field, so no choice of field values can make two different entries encode alike.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;

    /// <summary>The "previous hash" of a tenant's first entry.</summary>
    public static byte[] Genesis => new byte[HashLength];

    /// <summary>PostgreSQL keeps microseconds; the hashed time must be the stored one.</summary>
    public static DateTimeOffset StoredTime(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    /// <summary>The entry that follows (<paramref name="previousSequence"/>, <paramref name="previousHash"/>).</summary>
    public static AuditEntry Append(long previousSequence, byte[] previousHash, AuditEvent e)
    {
        var stored = e with { At = StoredTime(e.At) };
        var sequence = previousSequence + 1;
        return new AuditEntry(sequence, stored, previousHash, HashOf(previousHash, sequence, stored));
    }

    public static byte[] HashOf(byte[] previousHash, long sequence, AuditEvent e)
    {
        var canonical = Canonical(sequence, e);
        var input = new byte[previousHash.Length + canonical.Length];
        previousHash.CopyTo(input, 0);
        canonical.CopyTo(input, previousHash.Length);
        return SHA256.HashData(input);
    }

    public static byte[] Canonical(long sequence, AuditEvent e)
    {
        var builder = new StringBuilder("tg-audit-v1");
        string[] fields =
        [
            e.Tenant, sequence.ToString(CultureInfo.InvariantCulture),
            StoredTime(e.At).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.Actor, e.Action, e.Target, e.ClientAddress, e.Detail,
        ];
        foreach (var field in fields)
        {
            builder.Append('|').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
