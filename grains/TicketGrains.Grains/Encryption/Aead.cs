using System.Security.Cryptography;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// AES-256-GCM with a random 96-bit nonce: sealed = nonce | ciphertext | tag. The context (associated data) binds a
/// sealed value to where it belongs, so a key or field moved to another tenant, customer or version fails to open.
/// </summary>
public static class Aead
{
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);

    public static AesGcm Create(byte[] key) => new(key, TagBytes);

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        using var aes = Create(key);
        return Seal(aes, plaintext, context);
    }

    public static byte[] Seal(AesGcm aes, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes, plaintext.Length), output.AsSpan(NonceBytes + plaintext.Length), context);
        return output;
    }

    /// <summary>The plaintext; throws CryptographicException for a wrong key, a wrong context or any changed byte.</summary>
    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> context)
    {
        using var aes = Create(key);
        return Open(aes, sealedValue, context);
    }

    /// <summary>As <see cref="Open(byte[], ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, with a prepared instance.</summary>
    public static byte[] Open(AesGcm aes, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> context)
    {
        if (sealedValue.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed value is too short.");
        }

        var length = sealedValue.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        aes.Decrypt(sealedValue[..NonceBytes], sealedValue.Slice(NonceBytes, length), sealedValue[(NonceBytes + length)..], plaintext, context);
        return plaintext;
    }
}
