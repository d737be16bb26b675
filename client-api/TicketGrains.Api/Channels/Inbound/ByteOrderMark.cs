namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// A platform's push body without a leading UTF-8 byte order mark. XML in bytes may start with one and JSON readers may
/// ignore one (RFC 8259), but System.Text.Json refuses it and a decoded string would carry it as a stray character; a
/// push refused for it would be retried by the platform and then lost. Signatures are still checked over the bytes
/// received.
/// </summary>
internal static class ByteOrderMark
{
    public static ReadOnlyMemory<byte> Skipped(byte[] body) =>
        body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body;
}
