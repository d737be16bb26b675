using System.Buffers.Binary;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// Keyset position (created_at, ticket_id), opaque to clients as base64url. Keyset paging stays
/// stable while tickets are being created, unlike offsets.
/// </summary>
public sealed record TicketCursor(DateTimeOffset CreatedAt, Guid TicketId)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, CreatedAt.UtcTicks);
        TicketId.TryWriteBytes(bytes[8..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a cursor; false when the text is not one this server made.</summary>
    public static bool TryDecode(string text, out TicketCursor? cursor)
    {
        cursor = null;
        if (text.Length != 32)
        {
            return false;
        }

        var standard = text.Replace('-', '+').Replace('_', '/');
        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(standard, bytes, out var written) || written != 24)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new TicketCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[8..]));
        return true;
    }
}
