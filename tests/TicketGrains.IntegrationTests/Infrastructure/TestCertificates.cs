using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// Self-signed certificates made for this test run (never checked in): the cluster certificate every launched node
/// uses for Orleans TLS, and others on demand (a stranger's certificate that must not be let in).
/// </summary>
public static class TestCertificates
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("ticketgrains-it-certs-").FullName;

    /// <summary>The cluster certificate of this test run.</summary>
    public static TestCertificate Cluster { get; } = Create("cluster");

    /// <summary>Cluster TLS settings for a node with the given certificate, as "--Key=value" arguments.</summary>
    public static string[] NodeSettings(TestCertificate certificate) =>
        [$"--ClusterTls:CertificatePath={certificate.Path}", $"--ClusterTls:CertificatePassword={certificate.Password}"];

    /// <summary>A new self-signed certificate for server and client authentication, saved as a password-protected PFX.</summary>
    public static TestCertificate Create(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=ticketgrains-{name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [Oid.FromOidValue("1.3.6.1.5.5.7.3.1", OidGroup.EnhancedKeyUsage), Oid.FromOidValue("1.3.6.1.5.5.7.3.2", OidGroup.EnhancedKeyUsage)], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var path = System.IO.Path.Combine(Folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new TestCertificate(path, password, X509CertificateLoader.LoadPkcs12FromFile(path, password));
    }
}

/// <summary>A certificate file, its password and the loaded certificate (with its private key).</summary>
public sealed record TestCertificate(string Path, string Password, X509Certificate2 Certificate);
