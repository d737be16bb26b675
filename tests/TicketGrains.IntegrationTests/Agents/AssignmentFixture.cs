using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>A silo whose tenant sweep runs every 2 s, so a claim or offer whose ticket timer was lost still returns quickly.</summary>
public sealed class AssignmentFixture : ApiClusterFixture
{
    protected override string[] Settings => ["--Sla:SweepPeriod=00:00:02"];
}
