using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>A silo whose agents count as away after 2 s without activity.</summary>
public sealed class IdleAgentFixture : ApiClusterFixture
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);

    protected override string[] Settings => [$"--Agents:IdleTimeout={IdleTimeout:c}"];
}
