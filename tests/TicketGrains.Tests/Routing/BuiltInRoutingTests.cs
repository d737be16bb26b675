using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Routing;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Routing;

/// <summary>The built-in rule set routes exactly as the fixed selector it replaced did.</summary>
public sealed class BuiltInRoutingTests
{
    private static string Select(string category, string tier) =>
        RoutingEngine.Route(BuiltInRouting.Rules, RoutingInput.From(TicketStates.Command(category: category, tier: tier), TicketStates.T0)).Queue;

    [Theory]
    [InlineData("general", "general")]
    [InlineData("order", "general")]
    [InlineData("account", "general")]
    [InlineData("return", "after-sales")]
    [InlineData("exchange", "after-sales")]
    [InlineData("return_exchange", "after-sales")]
    [InlineData("refund", "after-sales")]
    [InlineData("logistics_exception", "logistics")]
    [InlineData("cancel_order", "general")]
    [InlineData("logistics", "logistics")]
    [InlineData("complaint", "complaints")]
    [InlineData("presale", "presale")]
    public void Category_decides_the_queue(string category, string queue) => Assert.Equal(queue, Select(category, "regular"));

    [Theory]
    [InlineData("general")]
    [InlineData("refund")]
    [InlineData("complaint")]
    public void Vip_customer_gets_the_vip_lane_whatever_the_category(string category) =>
        Assert.Equal("vip", Select(category, "vip"));

    [Theory]
    [InlineData("silver")]
    [InlineData("gold")]
    public void Other_tiers_follow_the_category(string tier) => Assert.Equal("logistics", Select("logistics", tier));

    [Fact]
    public void Every_selectable_queue_is_served_with_vip_first()
    {
        Assert.Equal("vip", BuiltInRouting.AllQueues[0]);
        var selectable = TicketCatalog.Categories.Select(c => Select(c, "regular")).Append(Select("general", "vip"));
        Assert.Equal(selectable.Distinct().Order(StringComparer.Ordinal), BuiltInRouting.AllQueues.Order(StringComparer.Ordinal));
    }
}
