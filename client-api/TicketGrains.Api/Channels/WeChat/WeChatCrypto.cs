using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TicketGrains.Api.Channels.WeChat;

/// <summary>
/// The message encryption of WeChat's safe mode, which WeCom uses too: AES-256-CBC with the key Base64-decoded from the
/// 43-character EncodingAESKey, the IV its first 16 bytes, PKCS#7 padding to 32-byte blocks, and a plaintext of 16
/// random bytes, the message length (4 bytes, big-endian), the message and the receiver's id (AppID or CorpID).
/// </summary>
public sealed class WeChatCrypto
{
    private const int RandomLength = 16;
    private const int PadBlock = 32;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly byte[] _key;

    public WeChatCrypto(string encodingAesKey)
    {
        // A wrong key is the channel's configuration, not the request's: it surfaces as a server error naming the setting.
        if (encodingAesKey.Length != 43 || !Convert.TryFromBase64String(encodingAesKey + "=", _key = new byte[32], out var length) || length != 32)
        {
            throw new ArgumentException("The encodingAesKey setting is not an EncodingAESKey (43 characters of Base64).", nameof(encodingAesKey));
        }
    }

    private ReadOnlySpan<byte> Iv => _key.AsSpan(0, 16);

    /// <summary>Encrypts a message for the receiver with fresh random bytes.</summary>
    public string Encrypt(string message, string receiverId) => Encrypt(message, receiverId, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>Encrypts with the given 16 leading bytes (fixed in test fixtures so their ciphertext is stable).</summary>
    public string Encrypt(string message, string receiverId, byte[] random)
    {
        if (random.Length != RandomLength)
        {
            throw new ArgumentException("The random part has 16 bytes.", nameof(random));
        }

        var text = Encoding.UTF8.GetBytes(message);
        var receiver = Encoding.UTF8.GetBytes(receiverId);
        var length = RandomLength + 4 + text.Length + receiver.Length;
        var pad = PadBlock - length % PadBlock;
        var plain = new byte[length + pad];
        random.CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(RandomLength), text.Length);
        text.CopyTo(plain, RandomLength + 4);
        receiver.CopyTo(plain, RandomLength + 4 + text.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, Iv, PaddingMode.None));
    }

    /// <summary>The message and the receiver id inside a ciphertext; <see cref="CryptographicException"/> when it is not one.</summary>
    public WeChatPlaintext Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new CryptographicException("The ciphertext is not Base64.");
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new CryptographicException("The ciphertext is not a whole number of AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, Iv, PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
        {
            throw new CryptographicException("The padding is not PKCS#7 to 32-byte blocks.");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4)
        {
            throw new CryptographicException("The plaintext is shorter than its header.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(content[RandomLength..]);
        if (length < 0 || length > content.Length - RandomLength - 4)
        {
            throw new CryptographicException("The message length runs past the plaintext.");
        }

        try
        {
            var message = StrictUtf8.GetString(content.Slice(RandomLength + 4, length));
            var receiver = StrictUtf8.GetString(content[(RandomLength + 4 + length)..]);
            return new WeChatPlaintext(message, receiver);
        }
        catch (DecoderFallbackException)
        {
            throw new CryptographicException("The plaintext is not UTF-8.");
        }
    }
}
