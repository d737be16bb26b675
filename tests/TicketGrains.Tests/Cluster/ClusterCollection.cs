using Xunit;

namespace TicketGrains.Tests.Cluster;

/// <summary>Every grain test shares one cluster; each test works in its own tenant.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
