using System.Net;

namespace TicketGrains.Grains.Hosting;

/// <summary>Where this process sits in the cluster (section "Orleans"). Defaults suit one local silo.</summary>
public sealed class ClusterSettings : IValidatableOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "ticketgrains";
    public string ServiceId { get; set; } = "ticketgrains";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    /// <summary>
    /// Where new activations go when a grain names no strategy: Orleans' own default "resource-optimized" (CPU and memory
    /// of each silo), or "random" (ADR 0025: an equal share at once for a joining silo, no herding on stale statistics).
    /// </summary>
    public string Placement { get; set; } = ResourceOptimizedPlacement;

    public const string ResourceOptimizedPlacement = "resource-optimized";
    public const string RandomPlacement = "random";

    /// <summary>
    /// Seconds over which a silo that joins the running cluster ramps from no new activations to its full share
    /// (ADR 0032); 0 turns the slow start off.
    /// </summary>
    public int SlowStartSeconds { get; set; } = DefaultSlowStartSeconds;

    public const int DefaultSlowStartSeconds = 15;

    /// <summary>
    /// Whether this silo runs the Orleans dashboard's collector and serves <c>/dashboard</c>. The collector reads every
    /// Orleans metric once a second on a thread of its own, and two of them walk all activations and the whole directory
    /// cache, so its cost grows with the activations: 22 ms of CPU a second, 2.8 % of a silo taking 300 inbound messages a
    /// second (docs/benchmarks.md). On by default; an SRE can turn it off for a peak.
    /// </summary>
    public bool Dashboard { get; set; } = true;

    public IEnumerable<string> Problems(string section)
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return $"{section}:ClusterId must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return $"{section}:ServiceId must not be empty.";
        }

        foreach (var (key, port) in new[] { ("SiloPort", SiloPort), ("GatewayPort", GatewayPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return $"{section}:{key} must be a TCP port (1-65535), not {port}.";
            }
        }

        if (Placement is not (ResourceOptimizedPlacement or RandomPlacement))
        {
            yield return $"{section}:Placement must be '{ResourceOptimizedPlacement}' or '{RandomPlacement}', not '{Placement}'.";
        }

        if (SlowStartSeconds is < 0 or > 600)
        {
            yield return $"{section}:SlowStartSeconds must be between 0 and 600, not {SlowStartSeconds}.";
        }

        if (!IPAddress.TryParse(AdvertisedIP, out _))
        {
            yield return $"{section}:AdvertisedIP must be an IP address, not '{AdvertisedIP}'.";
        }
    }
}
