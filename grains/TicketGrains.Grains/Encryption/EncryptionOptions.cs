using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Encryption;

/// <summary>Settings of the encryption of personal data at rest (section "Encryption").</summary>
public sealed class EncryptionOptions : IValidatableOptions
{
    /// <summary>Switched off only to measure what encryption costs: data written meanwhile is stored in clear.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The current master key, base64 of 32 bytes. Takes precedence over <see cref="MasterKeyFile"/>.</summary>
    public string? MasterKey { get; set; }

    /// <summary>A file holding the current master key as base64 (run.sh creates .data/master-key, mode 0600).</summary>
    public string? MasterKeyFile { get; set; }

    /// <summary>Former master keys, still accepted for unwrapping until a master rotation has re-wrapped every tenant key.</summary>
    public List<string> PreviousMasterKeys { get; set; } = [];

    /// <summary>How many customers' unwrapped keys one process keeps in memory.</summary>
    public int KeyCacheSize { get; set; } = 100_000;

    /// <summary>
    /// How long an unwrapped key may be used from memory: after an erasure on another process, or a rotation,
    /// that process forgets the old key within this time.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems(string section)
    {
        if (KeyCacheSize < 1)
        {
            yield return $"{section}:KeyCacheSize must be at least 1, not {KeyCacheSize}.";
        }

        if (KeyCacheTtl <= TimeSpan.Zero)
        {
            yield return $"{section}:KeyCacheTtl must be a positive time span, not {KeyCacheTtl}.";
        }

        if (Enabled && MasterKeyProblem() is { } problem)
        {
            yield return $"{section}:MasterKey (or {section}:MasterKeyFile) is not usable: {problem}";
        }
    }

    // Loading the keys at start makes a missing or malformed key stop the process with its reason.
    private string? MasterKeyProblem()
    {
        try
        {
            _ = new MasterKeys(this);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
