using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// The product the workbench's browser tests drive: one silo with the API, with the development token issuer on. An
/// urgent ticket's first reply is due in 10 minutes, inside the workbench's 15-minute warning window from the start.
/// </summary>
public sealed class WorkbenchFixture : ApiClusterFixture
{
    protected override string[] Settings => [ShortAudienceLease, "--Auth:DevIssuer=true", "--Sla:Urgent=00:10:00"];
}
