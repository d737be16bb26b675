using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Feeds the validated "Orleans" section into Orleans' own options, so silos and front ends read it once
/// and a wrong port or address stops the start with the key named.
/// </summary>
public static class ClusterPlacement
{
    public static IServiceCollection AddClusterIdentity(this IServiceCollection services)
    {
        services.AddValidatedOptions<ClusterSettings>(ClusterSettings.Section);
        services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterSettings>>((o, s) =>
            (o.ClusterId, o.ServiceId) = (s.Value.ClusterId, s.Value.ServiceId));
        return services;
    }

    public static IServiceCollection AddSiloEndpoints(this IServiceCollection services)
    {
        services.AddOptions<EndpointOptions>().Configure<IOptions<ClusterSettings>>((o, s) =>
        {
            var cluster = s.Value;
            o.AdvertisedIPAddress = IPAddress.Parse(cluster.AdvertisedIP);
            (o.SiloPort, o.GatewayPort) = (cluster.SiloPort, cluster.GatewayPort);
            // Listen on every address: in a container the advertised address is often not a local one.
            o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
        });
        return services;
    }
}
