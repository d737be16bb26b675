using TicketGrains.Api.Metering;
using TicketGrains.Grains.Metering;
using Xunit;

namespace TicketGrains.Tests.Metering;

public sealed class QuotaGateTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly QuotaCrossing TicketsPerDay = new("tickets.perDay", "tickets", 100, 100, true, Day, Day.AddDays(1));

    [Fact]
    public void A_tenant_over_a_hard_quota_is_refused_for_that_measure_only_and_until_the_period_ends()
    {
        var gate = new QuotaGate();
        gate.Replace([("shop-a", TicketsPerDay)]);

        Assert.Equal(TicketsPerDay, gate.Refusal("shop-a", "tickets", Day.AddHours(20)));
        Assert.Null(gate.Refusal("shop-a", "messages", Day.AddHours(20)));
        Assert.Null(gate.Refusal("shop-b", "tickets", Day.AddHours(20)));
        Assert.Null(gate.Refusal("shop-a", "tickets", Day.AddDays(1)));
    }

    [Fact]
    public void A_refresh_replaces_the_whole_view()
    {
        var gate = new QuotaGate();
        gate.Replace([("shop-a", TicketsPerDay)]);

        gate.Replace([]);

        Assert.Null(gate.Refusal("shop-a", "tickets", Day.AddHours(1)));
    }
}
