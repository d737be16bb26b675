using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using TicketGrains.Api.Infrastructure;

namespace TicketGrains.Api.Security;

/// <summary>The HMAC keys tokens are signed with: from configuration, or (dev issuer only) generated once and kept in a file.</summary>
public static class SigningKeys
{
    public const int MinBytes = 32;

    public static IReadOnlyList<SymmetricSecurityKey> Load(AuthOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience) || !Tenant.IsValid(options.OperatorTenant))
        {
            throw new InvalidOperationException("Auth:Issuer and Auth:Audience must not be empty, and Auth:OperatorTenant must be a tenant id.");
        }

        var configured = options.SigningKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Decode).ToList();
        if (configured.Count > 0)
        {
            return configured;
        }

        if (!options.DevIssuer)
        {
            // With an identity provider, its keys may be the only ones.
            return AuthorityAddress.From(options) is not null
                ? []
                : throw new InvalidOperationException(
                    "No token signing key: set Auth:SigningKeys:0 (base64, at least 32 bytes), Auth:Authority (an OpenID Connect identity " +
                    "provider), or Auth:DevIssuer=true for local development.");
        }

        return [ToKey(LoadOrCreateDevKey(Path.GetFullPath(options.DevKeyFile)))];
    }

    private static SymmetricSecurityKey Decode(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKeys holds a value that is not base64.");
        }

        return bytes.Length >= MinBytes ? ToKey(bytes) : throw new InvalidOperationException($"Auth:SigningKeys: each key needs at least {MinBytes} bytes.");
    }

    /// <summary>A key id derived from the key itself, so every process names the same key the same way.</summary>
    private static SymmetricSecurityKey ToKey(byte[] bytes) =>
        new(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };

    private static byte[] LoadOrCreateDevKey(string path)
    {
        if (File.Exists(path))
        {
            return ReadDevKey(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Processes of a local cluster start together: an exclusive lock makes exactly one of them create the key and
        // the others read it (a "move without overwrite" alone was seen to let two keys through).
        using var guard = LockFile(path + ".lock");
        if (File.Exists(path))
        {
            return ReadDevKey(path);
        }

        var key = RandomNumberGenerator.GetBytes(MinBytes);
        // Written aside, then moved in, so nobody ever reads a half-written file.
        var aside = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(aside, create)))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        File.Move(aside, path, overwrite: false);
        return key;
    }

    /// <summary>An exclusive lock on the file (FileShare.None is an flock on Unix, across processes and handles).</summary>
    private static FileStream LockFile(string lockPath)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process holds it for the few milliseconds it takes to write a key.
                Thread.Sleep(10);
            }
        }
    }

    private static byte[] ReadDevKey(string path)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length >= MinBytes ? key : throw new FormatException("too short");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{path} does not hold a base64 key of at least {MinBytes} bytes; delete it to have a new one generated.");
        }
    }
}
