namespace TicketGrains.Grains.Hosting;

/// <summary>Where this process sits in the cluster (section "Orleans"). Defaults suit one local silo.</summary>
public sealed class ClusterSettings
{
    public string ClusterId { get; set; } = "ticketgrains";
    public string ServiceId { get; set; } = "ticketgrains";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string AdvertisedIP { get; set; } = "127.0.0.1";
}
