using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TicketGrains.Grains.Hosting;
using Xunit;

namespace TicketGrains.Tests.Hosting;

public sealed class ClusterCertificateTests : IDisposable
{
    private const string Password = "cluster-secret";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("ticketgrains-cert-tests-");
    private readonly X509Certificate2 _own = SelfSigned("own");
    private readonly X509Certificate2 _other = SelfSigned("other");

    [Fact]
    public void Without_a_path_cluster_tls_is_off_unless_required()
    {
        Assert.Null(ClusterCertificate.Load(new ClusterTlsOptions()));

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterCertificate.Load(new ClusterTlsOptions { Required = true }));
        Assert.Contains("ClusterTls:Required", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_at_start()
    {
        var path = Path.Combine(_folder.FullName, "absent.pfx");

        var refused = Assert.Throws<InvalidOperationException>(() => ClusterCertificate.Load(new ClusterTlsOptions { CertificatePath = path }));

        Assert.Contains(path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pfx_loads_with_its_password_and_not_without_it()
    {
        var path = Write("own.pfx", _own.Export(X509ContentType.Pfx, Password));

        var loaded = ClusterCertificate.Load(new ClusterTlsOptions { CertificatePath = path, CertificatePassword = Password });
        var refused = Assert.Throws<InvalidOperationException>(() =>
            ClusterCertificate.Load(new ClusterTlsOptions { CertificatePath = path, CertificatePassword = "wrong" }));

        Assert.True(loaded!.HasPrivateKey);
        Assert.Equal(ClusterCertificate.Thumbprint(_own), ClusterCertificate.Thumbprint(loaded));
        Assert.Contains("cannot load", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pem_certificate_loads_with_its_key_file_and_not_without_it()
    {
        var certificate = Write("own.crt", _own.ExportCertificatePem());
        var key = Write("own.key", _own.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());

        var loaded = ClusterCertificate.Load(new ClusterTlsOptions { CertificatePath = certificate, KeyPath = key });

        Assert.True(loaded!.HasPrivateKey);
        Assert.Equal(ClusterCertificate.Thumbprint(_own), ClusterCertificate.Thumbprint(loaded));
        Assert.Throws<InvalidOperationException>(() => ClusterCertificate.Load(new ClusterTlsOptions { CertificatePath = certificate }));
    }

    [Fact]
    public void By_default_only_the_own_certificate_is_trusted()
    {
        var allowed = ClusterCertificate.AllowedThumbprints(new ClusterTlsOptions(), _own);

        Assert.True(ClusterCertificate.IsTrusted(_own, allowed));
        Assert.False(ClusterCertificate.IsTrusted(_other, allowed));
        Assert.False(ClusterCertificate.IsTrusted(null, allowed));
    }

    [Fact]
    public void Configured_pins_replace_the_default_and_accept_colons_and_lower_case()
    {
        var pinned = string.Join(':', ClusterCertificate.Thumbprint(_other).ToLowerInvariant().Chunk(2).Select(c => new string(c)));

        var allowed = ClusterCertificate.AllowedThumbprints(new ClusterTlsOptions { AllowedThumbprints = [pinned] }, _own);

        Assert.True(ClusterCertificate.IsTrusted(_other, allowed));
        Assert.False(ClusterCertificate.IsTrusted(_own, allowed));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("ZZ23456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    public void A_pin_that_is_not_a_sha256_thumbprint_is_refused(string pin)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            ClusterCertificate.AllowedThumbprints(new ClusterTlsOptions { AllowedThumbprints = [pin] }, _own));

        Assert.Contains(pin, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _own.Dispose();
        _other.Dispose();
        _folder.Delete(recursive: true);
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string name, string content) => Write(name, System.Text.Encoding.ASCII.GetBytes(content));
}
