namespace TicketGrains.Grains.Hosting;

/// <summary>
/// TLS on the Orleans ports: silo to silo and API front end to gateway (section "ClusterTls"). Every process of a
/// cluster presents the cluster certificate and accepts only peers whose certificate is pinned (mutual TLS).
/// </summary>
public sealed class ClusterTlsOptions : IValidatableOptions
{
    public const string Section = "ClusterTls";

    /// <summary>The cluster certificate: a PFX/PKCS#12 file (.pfx, .p12) or a PEM certificate. Unset: plain TCP.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key, when it is not in the CertificatePath file itself.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of the PFX file or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// SHA-256 thumbprints (hex) of the certificates a peer may present. Empty: only the process's own certificate, so
    /// one shared cluster certificate is the whole trust. To roll a certificate, list the old and the new one everywhere first.
    /// </summary>
    public List<string> AllowedThumbprints { get; set; } = [];

    /// <summary>Refuse to start without a certificate (production manifests set it, so a missing secret cannot fall back to plain TCP).</summary>
    public bool Required { get; set; }

    /// <summary>
    /// Longest a peer may take to complete the TLS handshake. Short on purpose: a handshake takes milliseconds, and
    /// with Orleans' default of 10 s a killed silo stalled every request of a front end for those 10 s (FailoverTests).
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<string> Problems(string section)
    {
        if (HandshakeTimeout <= TimeSpan.Zero)
        {
            yield return $"{section}:HandshakeTimeout must be a positive time span, not {HandshakeTimeout}.";
        }

        if (KeyPath is not null && CertificatePath is null)
        {
            yield return $"{section}:KeyPath is set but {section}:CertificatePath is not.";
        }

        if (Required && string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield return $"{section}:Required is true but {section}:CertificatePath is not set.";
        }
    }
}
