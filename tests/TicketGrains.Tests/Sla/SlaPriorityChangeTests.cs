using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Rules;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using Xunit;
using static TicketGrains.Tests.Sla.SlaPlans;

namespace TicketGrains.Tests.Sla;

/// <summary>
/// A priority change moves the running clocks as if they had started with the new priority's targets: the time already
/// counted and the pauses stay, only the target differs.
/// </summary>
public sealed class SlaPriorityChangeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_higher_priority_brings_the_first_reply_due_time_forward_to_its_start_plus_the_new_target()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(4)), T0).At(T0.AddMinutes(30));

        ticket.Priority("high", FirstReply(TimeSpan.FromHours(1)));

        Assert.Equal("high", ticket.State.Priority);
        Assert.Equal(T0.AddHours(1), ticket.Clock(SlaMetrics.FirstReply).DueAt);
        AssertBreachesExactlyAt(ticket, T0.AddHours(1));
    }

    [Fact]
    public void A_lower_priority_puts_the_due_time_back_and_a_later_reply_uses_the_new_plan()
    {
        var ticket = new SlaTicket(BothReplies(TimeSpan.FromHours(1)), T0, priority: "urgent").At(T0.AddMinutes(30));

        ticket.Priority("low", BothReplies(TimeSpan.FromHours(8)));
        Assert.Equal(T0.AddHours(8), ticket.Clock(SlaMetrics.FirstReply).DueAt);

        ticket.At(T0.AddHours(2)).AgentReply().At(T0.AddHours(3)).RequesterWrites();
        Assert.Equal(T0.AddHours(11), ticket.Clock(SlaMetrics.NextReply).DueAt);
    }

    [Fact]
    public void A_paused_clock_keeps_its_pause_and_resumes_with_the_time_the_new_target_leaves()
    {
        // 30 minutes counted before pending; under a one-hour target 30 are left when it opens again at T0+6h. The change
        // comes after the old due time (T0+4h), which a pause does not make a miss.
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(4)), T0).At(T0.AddMinutes(30)).Status(TicketStatus.Pending);

        ticket.At(T0.AddHours(5)).Priority("high", FirstReply(TimeSpan.FromHours(1)));
        Assert.Equal(T0.AddMinutes(30), ticket.Clock(SlaMetrics.FirstReply).PausedSince);
        Assert.Equal(1800, ticket.Clock(SlaMetrics.FirstReply).RemainingSeconds);
        Assert.Equal(0, ticket.Check());

        ticket.At(T0.AddHours(6)).Status(TicketStatus.Open);

        AssertBreachesExactlyAt(ticket, T0.AddHours(6).AddMinutes(30));
    }

    [Fact]
    public void A_new_target_already_used_up_breaches_at_once_at_the_instant_it_was_used_up()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(4)), T0).At(T0.AddHours(2));

        ticket.Priority("urgent", FirstReply(TimeSpan.FromHours(1)));

        Assert.Equal(1, ticket.Check());
        var breach = Assert.IsType<SlaBreached>(Assert.Single(ticket.SlaEvents));
        Assert.Equal(T0.AddHours(1), breach.DueAt);
    }

    [Fact]
    public void A_missed_target_stays_missed_whatever_the_new_priority()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(1)), T0).At(T0.AddHours(2));
        Assert.Equal(1, ticket.Check());

        ticket.Priority("low", FirstReply(TimeSpan.FromHours(8)));

        Assert.Equal(T0.AddHours(1), ticket.Clock(SlaMetrics.FirstReply).DueAt);
        Assert.Equal(T0.AddHours(2), ticket.Clock(SlaMetrics.FirstReply).BreachedAt);
        Assert.Equal(0, ticket.Check());
    }

    [Fact]
    public void Business_hours_are_counted_from_the_start_on_the_calendar_both_ways()
    {
        // Created Wednesday 30 September 17:00: one working hour that day, Thursday is a holiday, Friday opens at 09:00.
        var longer = new SlaTicket(AllMetrics(TimeSpan.FromHours(2)), Local(9, 30, 17)).At(Local(9, 30, 17, 30));
        longer.Priority("low", AllMetrics(TimeSpan.FromHours(4)));
        Assert.Equal(Local(10, 2, 12), longer.Clock(SlaMetrics.FirstReply).DueAt);

        var shorter = new SlaTicket(AllMetrics(TimeSpan.FromHours(2)), Local(9, 30, 17)).At(Local(9, 30, 17, 30));
        shorter.Priority("urgent", AllMetrics(TimeSpan.FromMinutes(45)));
        Assert.Equal(Local(9, 30, 17, 45), shorter.Clock(SlaMetrics.FirstReply).DueAt);
    }

    [Fact]
    public void A_warned_clock_moved_later_is_warned_again_before_its_new_due_time()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(1), warnBeforeMinutes: 15), T0).At(T0.AddMinutes(50));
        Assert.Equal(1, ticket.Check());

        ticket.Priority("low", FirstReply(TimeSpan.FromHours(4), warnBeforeMinutes: 15));
        Assert.Null(ticket.Clock(SlaMetrics.FirstReply).WarnedAt);

        ticket.At(T0.AddHours(4).AddMinutes(-15).AddSeconds(-1));
        Assert.Equal(0, ticket.Check());
        ticket.At(T0.AddHours(4).AddMinutes(-15));
        Assert.Equal(1, ticket.Check());
        Assert.IsType<SlaWarned>(ticket.SlaEvents[^1]);
    }

    [Fact]
    public void The_same_priority_decides_nothing()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(4)), T0);

        Assert.Null(TicketDecisions.ChangePriority(ticket.State, "normal", FirstReply(TimeSpan.FromHours(1)), "agent-1", T0));
    }

    [Fact]
    public void An_unknown_priority_names_the_field_and_a_finished_ticket_is_a_conflict()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(4)), T0);
        var unknown = Assert.Throws<InvalidFieldException>(() => ticket.Priority("critical", FirstReply(TimeSpan.FromHours(1))));
        Assert.Equal("priority", unknown.Field);

        ticket.Status(TicketStatus.Solved).Status(TicketStatus.Closed);

        var closed = Assert.Throws<ConflictException>(() => ticket.Priority("high", FirstReply(TimeSpan.FromHours(1))));
        Assert.Equal("A closed ticket keeps its priority: only a new, open, pending or on_hold ticket changes it.", closed.Message);
    }

    [Fact]
    public void A_priority_change_logged_before_it_carried_a_plan_moves_no_clock_on_replay()
    {
        var ticket = new SlaTicket(FirstReply(TimeSpan.FromHours(4)), T0);

        ticket.State.Apply(new PriorityChanged("normal", "urgent", "trigger:vip", T0.AddMinutes(5)));

        Assert.Equal("urgent", ticket.State.Priority);
        Assert.Equal(T0.AddHours(4), ticket.Clock(SlaMetrics.FirstReply).DueAt);
    }

    private static void AssertBreachesExactlyAt(SlaTicket ticket, DateTimeOffset due)
    {
        Assert.Equal(0, ticket.At(due.AddSeconds(-1)).Check());
        Assert.Equal(1, ticket.At(due).Check());
        Assert.Equal(due, Assert.IsType<SlaBreached>(ticket.SlaEvents[^1]).DueAt);
    }

    private static SlaPlan FirstReply(TimeSpan target, int? warnBeforeMinutes = null) => new()
    {
        Policy = "wall",
        Targets = [new SlaPlanTarget(SlaMetrics.FirstReply, (long)target.TotalSeconds, BusinessHours: false)],
        WarnBeforeSeconds = warnBeforeMinutes * 60,
    };

    private static SlaPlan BothReplies(TimeSpan target) => new()
    {
        Policy = "wall",
        Targets = [.. new[] { SlaMetrics.FirstReply, SlaMetrics.NextReply }.Select(m => new SlaPlanTarget(m, (long)target.TotalSeconds, BusinessHours: false))],
    };
}
