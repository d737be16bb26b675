using TicketGrains.IntegrationTests.Channels.Web;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>The workbench's test classes share one product instance and one browser (each test its own tenant and browser context).</summary>
[CollectionDefinition(Name)]
public sealed class WorkbenchCollection : ICollectionFixture<WorkbenchFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "workbench";
}
