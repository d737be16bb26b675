using TicketGrains.Grains.Hosting;
using Xunit;

namespace TicketGrains.Tests.Hosting;

public sealed class ClusterSettingsTests
{
    [Fact]
    public void The_defaults_are_valid_and_keep_orleans_own_placement()
    {
        var settings = new ClusterSettings();

        Assert.Empty(settings.Problems("Orleans"));
        Assert.Equal("resource-optimized", settings.Placement);
    }

    [Fact]
    public void Random_placement_is_accepted() => Assert.Empty(new ClusterSettings { Placement = "random" }.Problems("Orleans"));

    [Fact]
    public void An_unknown_placement_is_named_by_its_key() =>
        Assert.Equal(["Orleans:Placement must be 'resource-optimized' or 'random', not 'hash'."],
            new ClusterSettings { Placement = "hash" }.Problems("Orleans"));
}
