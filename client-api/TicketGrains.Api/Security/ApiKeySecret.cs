using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Api.Security;

/// <summary>
/// An API key as given to an integration: "tgk_{id}_{secret}". The id is public and finds the row; only the SHA-256
/// of the 256-bit secret is stored, and it is compared in constant time.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "tgk_";
    private const int IdBytes = 8;
    private const int SecretBytes = 32;

    public static (string KeyId, string Key, byte[] SecretHash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key into its id and secret, or false when it does not have the key's shape.</summary>
    public static bool TryParse(string presented, out string keyId, out string secret)
    {
        (keyId, secret) = ("", "");
        if (presented.Length > 128 || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = presented[Prefix.Length..];
        var cut = rest.IndexOf('_', StringComparison.Ordinal);
        if (cut != IdBytes * 2 || rest.Length == cut + 1 || !rest[..cut].All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        (keyId, secret) = (rest[..cut], rest[(cut + 1)..]);
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string secret, byte[] storedHash) => ConstantTime.BytesEqual(Hash(secret), storedHash);
}
