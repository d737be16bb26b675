using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Declares a silo dead as soon as its process is provably gone, without waiting for missed probes. When this silo's
/// connection to another silo ends, it connects to that silo's port once more: a refused connection means no process
/// listens there any more (killed, crashed), and an active member at that address is declared dead at once. A silo that
/// is only paused (a long GC pause, SIGSTOP) keeps its sockets: its connections do not end and the kernel still accepts
/// on its port, so it is never declared dead this way; probes and their votes (<see cref="FailureDetection"/>) judge it.
/// Until a killed silo is declared dead, grains whose directory entry or activation it held cannot move.
/// </summary>
public sealed partial class RefusedSiloDetector(IClusterMembershipService membership, ILogger<RefusedSiloDetector> logger)
{
    /// <summary>A connect on this host's network is answered (accepted or refused) within milliseconds; silence decides nothing.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Called when an outbound silo-to-silo connection has ended, for whatever reason.</summary>
    public async Task OnConnectionEndedAsync(EndPoint? remote)
    {
        try
        {
            if (remote is not IPEndPoint endpoint || ActiveMemberAt(endpoint) is not { } silo || !await RefusesConnectionsAsync(endpoint))
            {
                return;
            }

            LogDeclaringDead(silo);
            await membership.TryKill(silo);
        }
        catch (Exception e)
        {
            LogFailed(e, remote);
        }
    }

    /// <summary>Orleans' sockets are dual-mode, so the remote address may be an IPv4 address mapped to IPv6.</summary>
    private SiloAddress? ActiveMemberAt(IPEndPoint endpoint) => membership.CurrentSnapshot.Members.Values
        .FirstOrDefault(m => m.Status == SiloStatus.Active && m.SiloAddress.Endpoint.Port == endpoint.Port
            && m.SiloAddress.Endpoint.Address.MapToIPv6().Equals(endpoint.Address.MapToIPv6()))?.SiloAddress;

    private static async Task<bool> RefusesConnectionsAsync(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} refuses connections on its silo port after its connection ended: declaring it dead")]
    private partial void LogDeclaringDead(SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check or declare dead the silo at {Remote} after its connection ended")]
    private partial void LogFailed(Exception e, EndPoint? remote);
}
