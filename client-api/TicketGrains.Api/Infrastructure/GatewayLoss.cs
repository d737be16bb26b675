namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// Turns every lost gateway connection of the front end's Orleans client into a cancellation that grain calls in flight
/// can listen to. Orleans fails the requests of a dropped connection only if they were still queued; those already
/// written to it (and those the gateway had forwarded to a silo that died) are answered by nobody, so the client
/// waits the whole response timeout for them. Silos break such calls when the target silo is declared dead; a client
/// has no equivalent. Every silo is a gateway, so a killed silo always drops a connection of each front end, at once.
/// </summary>
public sealed class GatewayLoss : IClusterConnectionStatusObserver
{
    private CancellationTokenSource _current = new();

    /// <summary>The process's one Orleans client reports here (registered in <see cref="ApiProgram"/>).</summary>
    public static GatewayLoss Shared { get; } = new();

    /// <summary>Cancelled at the next loss of a gateway connection; take it before sending a call.</summary>
    public CancellationToken Next => Volatile.Read(ref _current).Token;

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            Signal();
        }
    }

    public void NotifyClusterConnectionLost() => Signal();

    /// <summary>Cancels the token handed out so far (on the thread pool, not on Orleans' networking thread) and starts a new one.</summary>
    public void Signal()
    {
        var lost = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        _ = lost.CancelAsync();
    }
}
