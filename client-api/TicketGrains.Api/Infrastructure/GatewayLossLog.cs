namespace TicketGrains.Api.Infrastructure;

/// <summary>Logs each lost gateway connection of the front end, the moment its in-flight idempotent calls are sent again.</summary>
public sealed partial class GatewayLossLog(ILogger<GatewayLossLog> logger) : IClusterConnectionStatusObserver
{
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            LogLost(currentNumberOfGateways);
        }
    }

    public void NotifyClusterConnectionLost() => LogLost(0);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gateway connection lost ({Gateways} left): idempotent grain calls in flight are sent again")]
    private partial void LogLost(int gateways);
}
