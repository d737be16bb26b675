using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Routing;
using Xunit;

namespace TicketGrains.Tests.Domain;

public sealed class QueueSelectorTests
{
    [Theory]
    [InlineData("general", "general")]
    [InlineData("order", "general")]
    [InlineData("account", "general")]
    [InlineData("return", "after-sales")]
    [InlineData("exchange", "after-sales")]
    [InlineData("refund", "after-sales")]
    [InlineData("logistics", "logistics")]
    [InlineData("complaint", "complaints")]
    [InlineData("presale", "presale")]
    public void Category_decides_the_queue(string category, string queue) => Assert.Equal(queue, QueueSelector.Select(category, "regular"));

    [Theory]
    [InlineData("general")]
    [InlineData("refund")]
    [InlineData("complaint")]
    public void Vip_customer_gets_the_vip_lane_whatever_the_category(string category) =>
        Assert.Equal("vip", QueueSelector.Select(category, "vip"));

    [Theory]
    [InlineData("silver")]
    [InlineData("gold")]
    public void Other_tiers_follow_the_category(string tier) => Assert.Equal("logistics", QueueSelector.Select("logistics", tier));

    [Fact]
    public void Every_selectable_queue_is_served_with_vip_first()
    {
        Assert.Equal("vip", QueueSelector.AllQueues[0]);
        var selectable = TicketCatalog.Categories.Select(c => QueueSelector.Select(c, "regular")).Append(QueueSelector.Select("general", "vip"));
        Assert.Equal(selectable.Distinct().Order(StringComparer.Ordinal), QueueSelector.AllQueues.Order(StringComparer.Ordinal));
    }
}
