using System.Security.Cryptography;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// The master keys of this process: the current one wraps tenant keys, former ones only unwrap them. A key's id is
/// derived from the key itself, so every process names the same key the same way and rows record which one wrapped them.
/// </summary>
public sealed class MasterKeys
{
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public MasterKeys(EncryptionOptions options)
    {
        var current = !string.IsNullOrWhiteSpace(options.MasterKey) ? Decode(options.MasterKey, "Encryption:MasterKey")
            : !string.IsNullOrWhiteSpace(options.MasterKeyFile) ? ReadFile(options.MasterKeyFile)
            : throw new InvalidOperationException(
                "No master key: set Encryption:MasterKey (base64 of 32 bytes) or Encryption:MasterKeyFile (run.sh creates .data/master-key).");
        CurrentId = IdOf(current);
        _byId[CurrentId] = current;
        foreach (var previous in options.PreviousMasterKeys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            var key = Decode(previous, "Encryption:PreviousMasterKeys");
            _byId.TryAdd(IdOf(key), key);
        }
    }

    public string CurrentId { get; }

    public byte[] Wrap(byte[] key, byte[] context) => Aead.Seal(_byId[CurrentId], key, context);

    public byte[] Unwrap(string masterKeyId, byte[] wrapped, byte[] context) =>
        _byId.TryGetValue(masterKeyId, out var master)
            ? Aead.Open(master, wrapped, context)
            : throw new CryptographicException($"Master key {masterKeyId} is not configured (Encryption:MasterKey or PreviousMasterKeys).");

    public static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..16];

    private static byte[] ReadFile(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full)
            ? Decode(File.ReadAllText(full), full)
            : throw new InvalidOperationException($"Encryption:MasterKeyFile {full} does not exist (run.sh creates one).");
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length == Aead.KeyBytes ? key : throw new FormatException("wrong length");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} does not hold a base64 key of exactly {Aead.KeyBytes} bytes.");
        }
    }
}
