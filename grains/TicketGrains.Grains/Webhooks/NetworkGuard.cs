using System.Net;
using System.Net.Sockets;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Keeps webhooks off the cluster's own networks (SSRF): an address is acceptable only if it is a public unicast one.
/// Checked when a webhook is registered and again on every connection, because a name can resolve to a public
/// address at registration and to 127.0.0.1 later (DNS rebinding).
/// </summary>
public sealed class NetworkGuard(bool allowPrivateNetworks, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public NetworkGuard(bool allowPrivateNetworks)
        : this(allowPrivateNetworks, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>
    /// The addresses of <paramref name="host"/> that may be connected to; throws <see cref="RefusedAddressException"/>
    /// when it resolves to none, or to any non-public one (a name with one private address is refused whole).
    /// </summary>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new RefusedAddressException($"'{host}' does not resolve to any address.");
        }

        if (!allowPrivateNetworks && addresses.FirstOrDefault(a => !IsPublic(a)) is { } refused)
        {
            throw new RefusedAddressException($"'{host}' resolves to {refused}, which is not a public address.");
        }

        return addresses;
    }

    /// <summary>
    /// An HTTP handler that connects only to addresses this guard accepts, checked at connect time, and follows no
    /// redirect (a redirect could lead anywhere). Webhooks and the channels' platform APIs use it.
    /// </summary>
    public SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to addresses this guard accepts, resolving
    /// the name again for every connection.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether the address is public unicast: not loopback, private, shared, link-local, multicast or reserved.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        var unique = (v6[0] & 0xfe) == 0xfc;
        var documentation = v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8;
        // NAT64 (64:ff9b::/96) and 6to4-style embeddings can reach any IPv4 address, private ones included.
        var nat64 = v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b;
        return !(IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || unique || documentation || nat64);
    }
}
