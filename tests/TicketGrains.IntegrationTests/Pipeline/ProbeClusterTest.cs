using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Pipeline;

/// <summary>A fresh database with the test probe's table, and the processes a test starts against it (stopped after).</summary>
public abstract class ProbeClusterTest : ClusterProcessTest
{
    protected override Task PrepareAsync(TestDatabase database) => ProbeTable.CreateAsync(database);
}
