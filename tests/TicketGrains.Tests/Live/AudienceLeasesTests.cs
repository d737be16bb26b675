using Microsoft.Extensions.Time.Testing;
using TicketGrains.Grains.Live;
using Xunit;

namespace TicketGrains.Tests.Live;

public sealed class AudienceLeasesTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Answers_everyone_for_one_lease_after_it_was_created_then_only_the_reported_tenants()
    {
        var leases = new AudienceLeases(_time, Lease);
        leases.Report("front-1", ["shop-a"]);

        Assert.True(leases.MayBeIncomplete);
        _time.Advance(Lease - TimeSpan.FromTicks(1));
        Assert.True(leases.MayBeIncomplete);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.False(leases.MayBeIncomplete);
        Assert.Equal([], leases.Tenants());
    }

    [Fact]
    public void A_report_replaces_the_front_ends_earlier_one_and_holds_for_one_lease()
    {
        var leases = new AudienceLeases(_time, Lease);
        leases.Report("front-1", ["shop-b", "shop-a", "shop-a"]);
        leases.Report("front-2", ["shop-c"]);
        _time.Advance(TimeSpan.FromSeconds(20));
        leases.Report("front-1", ["shop-a"]);

        Assert.Equal(["shop-a", "shop-c"], leases.Tenants());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["shop-a"], leases.Tenants());
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([], leases.Tenants());
    }

    [Fact]
    public void An_empty_report_removes_the_front_ends_tenants_at_once()
    {
        var leases = new AudienceLeases(_time, Lease);
        leases.Report("front-1", ["shop-a"]);
        leases.Report("front-2", ["shop-a", "shop-b"]);

        leases.Report("front-2", []);

        Assert.Equal(["shop-a"], leases.Tenants());
    }
}
