using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Api.Security;

/// <summary>
/// Comparisons of secrets, digests and signatures whose time does not depend on where the values differ, so a caller
/// cannot guess a signature byte by byte from response times. Every check of a presented secret goes through here.
/// Only the lengths may show: signatures and digests have a fixed length anyway.
/// </summary>
public static class ConstantTime
{
    public static bool BytesEqual(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> presented) =>
        CryptographicOperations.FixedTimeEquals(expected, presented);

    /// <summary>Two texts (shared tokens, echoed challenges) as UTF-8; a missing one is never equal.</summary>
    public static bool TextEqual(string? expected, string? presented) =>
        expected is not null && presented is not null && BytesEqual(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    /// <summary>A digest against its hex form as sent by the other side (either case); malformed hex is never equal.</summary>
    public static bool HexEqual(ReadOnlySpan<byte> expected, string? presentedHex) =>
        TryDecode(presentedHex, Convert.FromHexString, out var presented) && BytesEqual(expected, presented);

    /// <summary>A digest against its base64 form as sent by the other side; malformed base64 is never equal.</summary>
    public static bool Base64Equal(ReadOnlySpan<byte> expected, string? presentedBase64) =>
        TryDecode(presentedBase64, Convert.FromBase64String, out var presented) && BytesEqual(expected, presented);

    private static bool TryDecode(string? text, Func<string, byte[]> decode, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            bytes = decode(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
