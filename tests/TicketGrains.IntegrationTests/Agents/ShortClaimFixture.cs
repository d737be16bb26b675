using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>A silo whose unacknowledged claims return after 3 s and whose tenant sweep runs every 2 s.</summary>
public sealed class ShortClaimFixture : ApiClusterFixture
{
    public static readonly TimeSpan ClaimAckTimeout = TimeSpan.FromSeconds(3);

    public static readonly string[] NodeSettings = [$"--Agents:ClaimAckTimeout={ClaimAckTimeout:c}", "--Sla:SweepPeriod=00:00:02"];

    protected override string[] Settings => NodeSettings;
}
