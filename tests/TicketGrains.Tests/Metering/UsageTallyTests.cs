using TicketGrains.Grains.Metering;
using TicketGrains.Grains.Pipeline;
using Xunit;
using static TicketGrains.Tests.Metering.MeteredEvents;

namespace TicketGrains.Tests.Metering;

public sealed class UsageTallyTests
{
    private static readonly Dictionary<string, Checkpoint> NothingCounted = [];

    [Fact]
    public void Events_are_summed_per_tenant_and_hour_of_recording()
    {
        var tally = UsageTally.Of([
            Event(1, "TicketCreated"),
            Event(2, "TicketCreated", at: TenPast.AddMinutes(49)),
            Event(3, "TicketCreated", at: TenPast.AddMinutes(50)),
            Event(4, "AttachmentAdded", """{"bytes":100}"""),
            Event(5, "TicketCreated", tenant: "shop-b"),
        ], NothingCounted);

        var hour = HourUsage.HourOf(TenPast);
        Assert.Equal(
            [new HourUsage("shop-a", hour, 2, 0, 0, 100), new HourUsage("shop-a", hour.AddHours(1), 1, 0, 0, 0), new HourUsage("shop-b", hour, 1, 0, 0, 0)],
            tally.Hours.OrderBy(h => h.Tenant).ThenBy(h => h.Hour));
    }

    [Fact]
    public void An_agent_acting_twice_in_an_hour_is_one_seat_and_adds_no_counts()
    {
        var tally = UsageTally.Of([
            Event(1, "TicketClaimed", """{"agent":"agent-7"}"""),
            Event(2, "ClaimAccepted", """{"agent":"agent-7"}"""),
            Event(3, "TicketClaimed", """{"agent":"agent-8"}"""),
        ], NothingCounted);

        Assert.Equal(["agent-7", "agent-8"], tally.Seats.Select(s => s.Agent).Order());
        Assert.Empty(tally.Hours);
    }

    [Fact]
    public void Events_at_or_below_a_tenants_high_water_key_are_skipped_and_the_key_moves_to_the_last_new_event()
    {
        var counted = new Dictionary<string, Checkpoint> { ["shop-a"] = new(7, 2) };

        var tally = UsageTally.Of([
            Event(1, "TicketCreated"),
            Event(2, "TicketCreated"),
            Event(3, "TicketCreated"),
            Event(2, "TicketCreated", tenant: "shop-b"),
        ], counted);

        Assert.Equal([new HourUsage("shop-a", HourUsage.HourOf(TenPast), 1, 0, 0, 0), new HourUsage("shop-b", HourUsage.HourOf(TenPast), 1, 0, 0, 0)],
            tally.Hours.OrderBy(h => h.Tenant));
        Assert.Equal(new Checkpoint(7, 3), tally.HighWater["shop-a"]);
        Assert.Equal(new Checkpoint(7, 2), tally.HighWater["shop-b"]);
    }

    [Fact]
    public void A_page_wholly_counted_before_adds_nothing_and_moves_no_key()
    {
        var tally = UsageTally.Of([Event(1, "TicketCreated"), Event(2, "TicketCreated")], new Dictionary<string, Checkpoint> { ["shop-a"] = new(7, 2) });

        Assert.Empty(tally.Hours);
        Assert.Empty(tally.HighWater);
    }

    [Fact]
    public void A_later_transaction_with_a_lower_position_is_above_the_key()
    {
        var tally = UsageTally.Of([Event(1, "TicketCreated", transaction: 8)], new Dictionary<string, Checkpoint> { ["shop-a"] = new(7, 2) });

        Assert.Equal(1, tally.Hours.Single().Tickets);
    }
}
