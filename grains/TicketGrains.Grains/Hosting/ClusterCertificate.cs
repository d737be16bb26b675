using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TicketGrains.Grains.Hosting;

/// <summary>Loads the cluster certificate and decides which peer certificates are trusted (pinned SHA-256 thumbprints).</summary>
public static class ClusterCertificate
{
    /// <summary>The certificate named by the options, or null when none is configured (plain TCP).</summary>
    public static X509Certificate2? Load(ClusterTlsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return options.Required
                ? throw new InvalidOperationException("ClusterTls:Required is set but ClusterTls:CertificatePath is not: no cluster certificate.")
                : null;
        }

        var path = options.CertificatePath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"ClusterTls:CertificatePath: no file at {path}.");
        }

        try
        {
            var certificate = Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword)
                : string.IsNullOrEmpty(options.CertificatePassword)
                    ? X509Certificate2.CreateFromPemFile(path, options.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, options.KeyPath);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"ClusterTls: the certificate in {path} comes without its private key.");
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"ClusterTls: cannot load the certificate {path} (wrong password or format?): {e.Message}", e);
        }
    }

    /// <summary>The certificate's SHA-256 thumbprint, upper-case hex.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The thumbprints peers may present: the configured ones, or else only this process's own certificate.</summary>
    public static IReadOnlySet<string> AllowedThumbprints(ClusterTlsOptions options, X509Certificate2 own)
    {
        var configured = options.AllowedThumbprints.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Normalize).ToList();
        return configured.Count > 0
            ? new HashSet<string>(configured, StringComparer.Ordinal)
            : new HashSet<string>([Thumbprint(own)], StringComparer.Ordinal);
    }

    /// <summary>Trust is the pin alone: the cluster certificate is usually self-signed and names no host.</summary>
    public static bool IsTrusted(X509Certificate2? presented, IReadOnlySet<string> allowed) =>
        presented is not null && allowed.Contains(Thumbprint(presented));

    private static string Normalize(string thumbprint)
    {
        var hex = thumbprint.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit)
            ? hex
            : throw new InvalidOperationException($"ClusterTls:AllowedThumbprints: '{thumbprint}' is not a SHA-256 thumbprint (64 hex digits).");
    }
}
