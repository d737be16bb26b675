using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Mutual TLS on the Orleans connections when a cluster certificate is configured: both ends present it and accept
/// only pinned certificates, so a process without the cluster's key can neither join as a silo nor connect as a client.
/// </summary>
public static class ClusterTls
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = Read(configuration);
        return ClusterCertificate.Load(options) is { } own ? silo.UseTls(own, tls => Configure(tls, options, own)) : silo;
    }

    public static IClientBuilder UseClusterTls(this IClientBuilder client, IConfiguration configuration)
    {
        var options = Read(configuration);
        return ClusterCertificate.Load(options) is { } own ? client.UseTls(own, tls => Configure(tls, options, own)) : client;
    }

    private static ClusterTlsOptions Read(IConfiguration configuration) =>
        configuration.BindNow<ClusterTlsOptions>(ClusterTlsOptions.Section);

    private static void Configure(TlsOptions tls, ClusterTlsOptions options, X509Certificate2 own)
    {
        var allowed = ClusterCertificate.AllowedThumbprints(options, own);
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.HandshakeTimeout = options.HandshakeTimeout;
        tls.RemoteCertificateValidation = (certificate, _, _) => ClusterCertificate.IsTrusted(certificate, allowed);
    }
}
