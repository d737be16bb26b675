namespace TicketGrains.IntegrationTests.Api;

/// <summary>The API test classes share one silo (starting one takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiClusterFixture>
{
    public const string Name = "api";
}
