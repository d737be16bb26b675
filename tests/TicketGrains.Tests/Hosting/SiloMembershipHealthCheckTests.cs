using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketGrains.Grains.Hosting;
using Xunit;

namespace TicketGrains.Tests.Hosting;

/// <summary>A silo is ready only while its own membership view has it active: not while joining, leaving or dead.</summary>
public sealed class SiloMembershipHealthCheckTests
{
    private static readonly SiloAddress Local = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress Other = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    [Theory]
    [InlineData(SiloStatus.Created)]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    [InlineData(SiloStatus.Dead)]
    public async Task A_silo_that_is_not_active_is_not_ready(SiloStatus status)
    {
        var result = await CheckAsync(status);

        Assert.Equal((HealthStatus.Unhealthy, $"The silo is {status} in the cluster, not active."), (result.Status, result.Description));
    }

    [Fact]
    public async Task An_active_silo_is_ready()
    {
        var result = await CheckAsync(SiloStatus.Active);

        Assert.Equal((HealthStatus.Healthy, "The silo is active in the cluster."), (result.Status, result.Description));
    }

    [Fact]
    public async Task A_silo_missing_from_its_membership_view_is_not_ready()
    {
        var check = new SiloMembershipHealthCheck(new FixedMembership(ImmutableDictionary<SiloAddress, ClusterMember>.Empty), new LocalSilo());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    private static Task<HealthCheckResult> CheckAsync(SiloStatus local)
    {
        var members = ImmutableDictionary<SiloAddress, ClusterMember>.Empty
            .Add(Local, new ClusterMember(Local, local, "local"))
            .Add(Other, new ClusterMember(Other, SiloStatus.Active, "other"));
        return new SiloMembershipHealthCheck(new FixedMembership(members), new LocalSilo()).CheckHealthAsync(new HealthCheckContext());
    }

    private sealed class FixedMembership(ImmutableDictionary<SiloAddress, ClusterMember> members) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(members, new MembershipVersion(7));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => throw new NotSupportedException();
    }

    private sealed class LocalSilo : ILocalSiloDetails
    {
        public string Name => "local";

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => Local;

        public SiloAddress GatewayAddress => Local;
    }
}
