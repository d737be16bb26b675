using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>The product the workbench's browser tests drive: one silo with the API, with the development token issuer on.</summary>
public sealed class WorkbenchFixture : ApiClusterFixture
{
    protected override string[] Settings => [ShortAudienceLease, "--Auth:DevIssuer=true"];
}
