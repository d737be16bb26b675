using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>What a raw connection to an Orleans port saw: the TLS handshake, and the first bytes the silo sent over it.</summary>
public sealed record TlsProbeResult(bool HandshakeCompleted, SslProtocols Protocol, X509Certificate2? ServerCertificate, string Received, string? Failure)
{
    /// <summary>Whether the silo talked to us after the handshake (it sends its Orleans preamble first).</summary>
    public bool Spoke => Received.Length > 0;
}

/// <summary>Connects to a port as a TLS client (optionally presenting a certificate) or in plain TCP, and reports what happened.</summary>
public static class TlsProbe
{
    private const int ReadBufferBytes = 4096;

    /// <summary>A TLS client; the server certificate is recorded, not judged, so the test can check its thumbprint itself.</summary>
    public static async Task<TlsProbeResult> TlsAsync(int port, X509Certificate2? clientCertificate, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
        X509Certificate2? server = null;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            server = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "ticketgrains-cluster",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            }, timeout.Token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            return new TlsProbeResult(false, SslProtocols.None, server, "", e.GetType().Name + ": " + e.Message);
        }

        var (received, failure) = await ReadFirstAsync(tls, timeout.Token);
        return new TlsProbeResult(true, tls.SslProtocol, server, received, failure);
    }

    /// <summary>Plain TCP: sends the bytes, then reads what comes back until the server closes or the deadline passes.</summary>
    public static async Task<(string Received, string? Failure)> PlainAsync(int port, byte[] send, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(send, timeout.Token);
        return await ReadFirstAsync(stream, timeout.Token);
    }

    /// <summary>The first bytes the peer sends (Latin-1, so binary survives), or "" with why nothing came.</summary>
    private static async Task<(string Received, string? Failure)> ReadFirstAsync(Stream stream, CancellationToken deadline)
    {
        var buffer = new byte[ReadBufferBytes];
        try
        {
            var read = await stream.ReadAsync(buffer, deadline);
            return read == 0 ? ("", "closed by the server") : (Encoding.Latin1.GetString(buffer, 0, read), null);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException)
        {
            return ("", e.GetType().Name + ": " + e.Message);
        }
    }
}
