using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TicketGrains.Grains.Hosting;

/// <summary>
/// Readiness of a silo: it is active in the cluster's membership (not joining, shutting down or declared dead), as this
/// silo's own view of the membership table has it.
/// </summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public const string Name = "membership";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active in the cluster.")
            : HealthCheckResult.Unhealthy($"The silo is {status} in the cluster, not active."));
    }
}
