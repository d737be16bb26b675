using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using Xunit;
using static TicketGrains.Tests.Sla.SlaPlans;

namespace TicketGrains.Tests.Sla;

/// <summary>
/// Every metric under a 2-business-hour target in the Shanghai office calendar. Each ticket is created Wednesday 30
/// September 17:00 (one working hour left that day; Thursday 1 October is a holiday) and set pending at 17:30 until
/// Friday 09:00, so the holiday, the night and the pending pause all meet.
/// </summary>
public sealed class SlaClockTests
{
    private static readonly SlaPlan Plan = AllMetrics(TimeSpan.FromHours(2));

    public static TheoryData<string, DateTimeOffset> DueTimes => new()
    {
        // 30 minutes counted before the pause, 90 left from Friday 09:00.
        { SlaMetrics.FirstReply, Local(10, 2, 10, 30) },
        { SlaMetrics.AgentWork, Local(10, 2, 10, 30) },
        { SlaMetrics.RequesterWait, Local(10, 2, 10, 30) },
        // Pending does not pause total resolution: two working hours from Wednesday 17:00 skip only night and holiday.
        { SlaMetrics.TotalResolution, Local(10, 2, 10) },
    };

    public static TheoryData<string, DateTimeOffset> ReplyDueTimes => new()
    {
        // Started by the requester at 17:20: 10 minutes before the pause, 110 left.
        { SlaMetrics.NextReply, Local(10, 2, 10, 50) },
        // Started by the agent's reply at 17:10: 20 minutes before the pause, 100 left.
        { SlaMetrics.PeriodicUpdate, Local(10, 2, 10, 40) },
    };

    [Theory]
    [MemberData(nameof(DueTimes))]
    public void A_clock_started_with_the_ticket_counts_business_hours_skips_the_holiday_and_pauses_as_defined(string metric, DateTimeOffset due)
    {
        var ticket = new SlaTicket(Plan, Local(9, 30, 17)).At(Local(9, 30, 17, 30)).Status(TicketStatus.Pending);
        var pausedByPending = metric != SlaMetrics.TotalResolution;
        Assert.Equal(pausedByPending ? Local(9, 30, 17, 30) : null, ticket.Clock(metric).PausedSince);

        ticket.At(Local(10, 2, 9)).Status(TicketStatus.Open);

        AssertBreachesExactlyAt(ticket, metric, due);
    }

    [Theory]
    [MemberData(nameof(ReplyDueTimes))]
    public void A_reply_clock_starts_with_its_message_counts_business_hours_and_pauses_while_pending(string metric, DateTimeOffset due)
    {
        var ticket = new SlaTicket(Plan, Local(9, 30, 17)).At(Local(9, 30, 17, 10)).AgentReply().At(Local(9, 30, 17, 20)).RequesterWrites()
            .At(Local(9, 30, 17, 30)).Status(TicketStatus.Pending);
        Assert.Equal(Local(9, 30, 17, 30), ticket.Clock(metric).PausedSince);

        ticket.At(Local(10, 2, 9)).Status(TicketStatus.Open);

        AssertBreachesExactlyAt(ticket, metric, due);
    }

    [Fact]
    public void On_hold_pauses_agent_work_but_not_requester_wait()
    {
        var ticket = new SlaTicket(Plan, Local(9, 29, 9)).At(Local(9, 29, 10)).Status(TicketStatus.OnHold);

        Assert.Equal((Local(9, 29, 10), (DateTimeOffset?)null), (ticket.Clock(SlaMetrics.AgentWork).PausedSince, ticket.Clock(SlaMetrics.RequesterWait).PausedSince));
        Assert.Equal(Local(9, 29, 11), ticket.Clock(SlaMetrics.RequesterWait).DueAt);
    }

    [Fact]
    public void The_first_public_agent_reply_fulfils_first_reply_and_an_internal_note_does_not()
    {
        var ticket = new SlaTicket(Plan, Local(9, 29, 9));
        ticket.State.Apply(TicketDecisions.AddMessage(ticket.State, "agent-1", "Ask the warehouse.", true, Local(9, 29, 9, 5)));
        Assert.NotNull(ticket.State.Sla.Find(SlaMetrics.FirstReply));

        ticket.At(Local(9, 29, 9, 10)).AgentReply();

        Assert.Null(ticket.State.Sla.Find(SlaMetrics.FirstReply));
        Assert.Equal(Local(9, 29, 11, 10), ticket.Clock(SlaMetrics.PeriodicUpdate).DueAt);
    }

    [Fact]
    public void Solving_ends_the_reply_clocks_pauses_the_others_and_a_reopen_resumes_them()
    {
        var ticket = new SlaTicket(Plan, Local(9, 29, 9)).At(Local(9, 29, 9, 30)).AgentReply().At(Local(9, 29, 10)).Status(TicketStatus.Solved);
        Assert.Equal(
            [SlaMetrics.RequesterWait, SlaMetrics.AgentWork, SlaMetrics.TotalResolution],
            ticket.State.Sla.Clocks.Select(c => c.Metric));
        Assert.All(ticket.State.Sla.Clocks, c => Assert.Equal(Local(9, 29, 10), c.PausedSince));

        ticket.At(Local(9, 29, 15)).Status(TicketStatus.Open);

        Assert.All(ticket.State.Sla.Clocks, c => Assert.Equal((Local(9, 29, 16), (DateTimeOffset?)null), (c.DueAt, c.PausedSince)));
        ticket.At(Local(9, 29, 16)).Status(TicketStatus.Solved).Status(TicketStatus.Closed);
        Assert.Empty(ticket.State.Sla.Clocks);
    }

    [Fact]
    public void A_clock_due_before_its_pause_still_breaches_once()
    {
        var ticket = new SlaTicket(Plan, Local(9, 29, 9)).At(Local(9, 29, 12)).Status(TicketStatus.Pending);

        ticket.Check();

        Assert.Equal([SlaMetrics.FirstReply, SlaMetrics.RequesterWait, SlaMetrics.AgentWork, SlaMetrics.TotalResolution],
            ticket.SlaEvents.Cast<SlaBreached>().Select(b => b.Metric));
        Assert.All(ticket.SlaEvents.Cast<SlaBreached>(), b => Assert.Equal(Local(9, 29, 11), b.DueAt));
        Assert.Equal(0, ticket.At(Local(10, 9, 9)).Check());
    }

    private static void AssertBreachesExactlyAt(SlaTicket ticket, string metric, DateTimeOffset due)
    {
        Assert.Equal((due, (DateTimeOffset?)null), (ticket.Clock(metric).DueAt, ticket.Clock(metric).PausedSince));
        ticket.At(due - TimeSpan.FromSeconds(1)).Check();
        Assert.DoesNotContain(ticket.SlaEvents, e => e is SlaBreached b && b.Metric == metric);

        ticket.At(due).Check();

        Assert.Single(ticket.SlaEvents, e => e is SlaBreached b && b.Metric == metric && b.DueAt == due && b.At == due);
        Assert.Equal(due, ticket.Clock(metric).BreachedAt);
    }
}
