using System.Security.Cryptography;

namespace TicketGrains.Api.Security;

/// <summary>
/// HMAC-SHA256 signatures of webhook bodies: computed over the raw body bytes exactly as received (never a re-serialized
/// copy), and checked in constant time. Channel callbacks verify with these before reading the body as JSON.
/// </summary>
public static class WebhookSignature
{
    public static byte[] HmacSha256(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) => HMACSHA256.HashData(secret, body);

    /// <summary>The lower-case hex signature to send with an outbound webhook.</summary>
    public static string HmacSha256Hex(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) => Convert.ToHexStringLower(HmacSha256(secret, body));

    /// <summary>Whether the presented hex signature is the body's HMAC-SHA256 under the secret; a missing or malformed one is not.</summary>
    public static bool VerifyHmacSha256Hex(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? presentedHex) =>
        ConstantTime.HexEqual(HmacSha256(secret, body), presentedHex);

    /// <summary>Whether the presented base64 signature is the body's HMAC-SHA256 under the secret.</summary>
    public static bool VerifyHmacSha256Base64(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? presentedBase64) =>
        ConstantTime.Base64Equal(HmacSha256(secret, body), presentedBase64);
}
