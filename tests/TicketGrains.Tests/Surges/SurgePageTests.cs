using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Surges;
using Xunit;

namespace TicketGrains.Tests.Surges;

public sealed class SurgePageTests
{
    private static readonly DateTimeOffset Monday = SurgeStream.Monday;

    private static List<SurgeTicket> Burst(string tenant, string category, int count, long firstPosition) =>
        [.. Enumerable.Range(0, count).Select(i => new SurgeTicket(tenant, new Checkpoint(100, firstPosition + i), category,
            new SurgeIncident(Guid.NewGuid(), Guid.NewGuid(), true, Monday.AddSeconds(i))))];

    [Fact]
    public void A_page_delivered_again_counts_nothing_and_raises_no_second_surge()
    {
        var detectors = new Dictionary<string, SurgeDetectorState>(StringComparer.Ordinal);
        var tickets = Burst("shop-a", "logistics_exception", 12, 1);
        var first = new SurgePage("shop-a", detectors, Checkpoint.Beginning, new SurgeOptions());
        first.Apply(tickets);

        var again = new SurgePage("shop-a", detectors, first.HighWater, new SurgeOptions());
        again.Apply(tickets);

        var surge = Assert.Single(first.Signals);
        Assert.Equal(SurgeIds.Surge("shop-a", "logistics_exception", 10), surge.SurgeId);
        Assert.Equal("logistics_exception", first.Categories[surge.SurgeId]);
        Assert.Equal(2, first.Incidents.Count);
        Assert.Empty(again.Signals);
        Assert.Empty(again.Incidents);
        Assert.Equal(12, detectors["logistics_exception"].Window.Count);
    }

    [Fact]
    public void Each_tenant_and_category_has_its_own_detector()
    {
        var detectors = new Dictionary<string, SurgeDetectorState>(StringComparer.Ordinal);
        var page = new SurgePage("shop-a", detectors, Checkpoint.Beginning, new SurgeOptions());
        page.Apply([.. Burst("shop-a", "refund", 6, 1), .. Burst("shop-a", "logistics", 6, 10), .. Burst("shop-b", "refund", 6, 20)]);

        Assert.Empty(page.Signals);
        Assert.Equal(["logistics", "refund"], detectors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Checkpoint(100, 15), page.HighWater);
    }

    [Fact]
    public void A_quiet_category_ends_its_surge_when_the_tenant_s_other_tickets_show_time_passing()
    {
        var detectors = new Dictionary<string, SurgeDetectorState>(StringComparer.Ordinal);
        var page = new SurgePage("shop-a", detectors, Checkpoint.Beginning, new SurgeOptions());
        page.Apply(Burst("shop-a", "logistics_exception", 12, 1));
        var later = new SurgePage("shop-a", detectors, page.HighWater, new SurgeOptions());
        later.Apply([new SurgeTicket("shop-a", new Checkpoint(101, 1), "refund", new SurgeIncident(Guid.NewGuid(), Guid.NewGuid(), false, Monday.AddMinutes(10)))]);

        var ended = Assert.Single(later.Signals);
        Assert.False(ended.Detected);
        Assert.Null(detectors["logistics_exception"].Active);
    }
}
