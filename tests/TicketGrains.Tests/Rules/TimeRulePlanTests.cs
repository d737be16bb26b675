using Microsoft.Extensions.Time.Testing;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Rules;
using TicketGrains.Tests.Domain;
using Xunit;

namespace TicketGrains.Tests.Rules;

public sealed class TimeRulePlanTests
{
    private static readonly List<RuleVersion> Rules =
    [
        new("remind", 1, """{"type":"time","status":"pending","afterSeconds":172800,"actions":[{"type":"reply","body":"still there?"}]}""", "ops", TicketStates.T0),
        new("solve", 1, """{"type":"time","status":"pending","afterSeconds":345600,"actions":[{"type":"setStatus","value":"solved"}]}""", "ops", TicketStates.T0),
        new("chase", 1, """{"type":"time","status":"open","afterSeconds":3600,"actions":[{"type":"notify","to":"lead","body":"open 1 h"}]}""", "ops", TicketStates.T0),
    ];

    [Fact]
    public void A_ticket_entering_pending_is_due_for_each_pending_rule_to_the_second()
    {
        var time = new FakeTimeProvider(TicketStates.T0);
        var ticket = Guid.NewGuid();
        var since = time.GetUtcNow();

        var dues = TimeRulePlan.For(ticket, Rules, "pending", since);

        Assert.Equal([("remind", since.AddHours(48)), ("solve", since.AddHours(96))], dues.Select(d => (d.RuleId, d.DueAt)));
        Assert.All(dues, d => Assert.Equal((ticket, since), (d.TicketId, d.Since)));
        Assert.Empty(TimeRulePlan.For(ticket, Rules, "solved", since));
    }

    [Fact]
    public void The_clock_wakes_at_the_next_due_time_but_looks_again_at_least_every_minute()
    {
        var time = new FakeTimeProvider(TicketStates.T0);
        var now = time.GetUtcNow();

        Assert.Equal(now.AddSeconds(3), TimeRulePlan.NextWake(now, now.AddSeconds(3), TimeSpan.FromMinutes(1)));
        Assert.Equal(now.AddMinutes(1), TimeRulePlan.NextWake(now, now.AddHours(48), TimeSpan.FromMinutes(1)));
        Assert.Equal(now.AddMinutes(1), TimeRulePlan.NextWake(now, null, TimeSpan.FromMinutes(1)));
    }
}
