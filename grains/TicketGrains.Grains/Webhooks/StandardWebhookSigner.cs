using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Signatures the Standard Webhooks way (standardwebhooks.com): base64 of HMAC-SHA256 over "{id}.{timestamp}.{body}",
/// keyed with the decoded bytes of a "whsec_"-prefixed base64 secret, sent as "v1,{signature}".
/// </summary>
public static class StandardWebhookSigner
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: the prefix and the base64 of 32 random bytes (the standard asks for 24 to 64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key of a secret: its base64 part decoded.</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    /// <summary>The value of the webhook-signature header.</summary>
    public static string Sign(byte[] key, string messageId, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")));
}
