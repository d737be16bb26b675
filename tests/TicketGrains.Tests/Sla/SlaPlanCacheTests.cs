using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Sla;

public sealed class SlaPlanCacheTests
{
    [Fact]
    public void Tickets_under_equal_plans_share_one_plan_and_one_calendar()
    {
        var states = Enumerable.Range(0, 2).Select(_ =>
        {
            // Each from its own copy, as two tickets reloaded from their logs.
            var plan = SlaPlans.AllMetrics(TimeSpan.FromHours(2)) with { Calendar = SlaPlans.Calendar with { Holidays = ["2026-10-01"] } };
            var state = new TicketState();
            state.Apply(TicketStates.Decide(Guid.NewGuid(), TicketStates.Command(), SlaPlans.Local(9, 29, 9), plan));
            return state;
        }).ToArray();

        Assert.Same(states[0].Sla.Plan, states[1].Sla.Plan);
        Assert.Same(SlaPlanCache.CalendarOf(states[0].Sla.Plan!), SlaPlanCache.CalendarOf(states[1].Sla.Plan!));
    }

    [Fact]
    public void A_different_plan_is_not_shared()
    {
        var a = SlaPlanCache.Shared(SlaPlans.AllMetrics(TimeSpan.FromHours(2)));
        var b = SlaPlanCache.Shared(SlaPlans.AllMetrics(TimeSpan.FromHours(3)));

        Assert.NotSame(a, b);
        Assert.Equal(3 * 3600, b.Targets[0].Seconds);
    }
}
