using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Declares a silo dead as soon as its process is provably gone, without waiting for missed probes. When this silo's
/// connection to or from another silo ends, it connects to that silo's port once more: a refused connection means no process
/// listens there any more (killed, crashed), and an active member at that address is declared dead at once. A silo that
/// is only paused (a long GC pause, SIGSTOP) keeps its sockets: its connections do not end and the kernel still accepts
/// on its port, so it is never declared dead this way; probes and their votes (<see cref="FailureDetection"/>) judge it.
/// Until a killed silo is declared dead, grains whose directory entry or activation it held cannot move.
/// </summary>
public sealed partial class RefusedSiloDetector(IClusterMembershipService membership, ILocalSiloDetails local, ILogger<RefusedSiloDetector> logger)
{
    /// <summary>A connect on this host's network is answered (accepted or refused) within milliseconds; silence decides nothing.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Called when a silo-to-silo connection has ended, for whatever reason. An outbound connection names the other
    /// silo's own port; an inbound one only its address (the port is ephemeral), so then every other active member on
    /// that address is checked: on one host that is a few local connects, and only a refusing port counts.
    /// </summary>
    public async Task OnConnectionEndedAsync(EndPoint? remote, bool outbound)
    {
        try
        {
            if (remote is not IPEndPoint endpoint)
            {
                return;
            }

            foreach (var silo in ActiveMembersAt(endpoint, matchPort: outbound))
            {
                if (await RefusesConnectionsAsync(silo.Endpoint))
                {
                    LogDeclaringDead(silo);
                    await membership.TryKill(silo);
                }
            }
        }
        catch (Exception e)
        {
            LogFailed(e, remote);
        }
    }

    /// <summary>Orleans' sockets are dual-mode, so the remote address may be an IPv4 address mapped to IPv6.</summary>
    private List<SiloAddress> ActiveMembersAt(IPEndPoint endpoint, bool matchPort) => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress)
            && (!matchPort || m.SiloAddress.Endpoint.Port == endpoint.Port)
            && m.SiloAddress.Endpoint.Address.MapToIPv6().Equals(endpoint.Address.MapToIPv6()))
        .Select(m => m.SiloAddress)
        .ToList();

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
