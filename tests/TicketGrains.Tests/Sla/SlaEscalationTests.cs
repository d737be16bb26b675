using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;
using TicketGrains.Grains.Tickets;
using Xunit;
using static TicketGrains.Tests.Sla.SlaPlans;

namespace TicketGrains.Tests.Sla;

public sealed class SlaEscalationTests
{
    private static readonly SlaEscalation Escalation = new() { RaisePriority = true, Queue = "escalations", Notify = "lead-1", Webhook = "https://ops.example.com/sla" };

    private static readonly SlaPlan FirstReplyWithWarning = new()
    {
        Policy = "vip",
        Version = 3,
        Calendar = SlaPlans.Calendar,
        Targets = [new SlaPlanTarget(SlaMetrics.FirstReply, 3600, BusinessHours: true)],
        WarnBeforeSeconds = 600,
        Escalation = Escalation,
    };

    [Fact]
    public void The_warning_fires_once_before_the_breach_and_the_breach_escalates_once()
    {
        var ticket = new SlaTicket(FirstReplyWithWarning, Local(9, 29, 17, 30));
        var due = Local(9, 30, 9, 30);
        Assert.Equal(due - TimeSpan.FromMinutes(10), ticket.State.PendingSlaDue);

        Assert.Equal(0, ticket.At(due - TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1)).Check());
        Assert.Equal(1, ticket.At(due - TimeSpan.FromMinutes(10)).Check());
        Assert.Equal(0, ticket.At(due - TimeSpan.FromMinutes(1)).Check());
        Assert.Equal(due, ticket.State.PendingSlaDue);
        Assert.Equal(1, ticket.At(due).Check());
        Assert.Equal(0, ticket.At(due + TimeSpan.FromDays(3)).Check());

        Assert.Equal<object>(
            [
                new SlaWarned(SlaMetrics.FirstReply, due, due - TimeSpan.FromMinutes(10)),
                new SlaBreached(due, due, SlaMetrics.FirstReply, "high", "escalations", "lead-1", "https://ops.example.com/sla"),
            ],
            ticket.SlaEvents);
        Assert.Equal(("high", "escalations", true, (DateTimeOffset?)null), (ticket.State.Priority, ticket.State.Queue, ticket.State.SlaBreached, ticket.State.PendingSlaDue));
        var note = Assert.Single(ticket.State.Messages, m => m.Author == SlaEscalationNote.Author);
        Assert.Equal(
            new TicketMessageView("sla", $"@lead-1 SLA first_reply breached (due {due.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC); priority raised to high, moved to queue escalations.", true, due),
            note);
    }

    [Fact]
    public void An_escalation_without_notify_leaves_no_note()
    {
        var ticket = new SlaTicket(FirstReplyWithWarning with { Escalation = Escalation with { Notify = null } }, Local(9, 29, 10));

        ticket.At(Local(9, 29, 11, 5)).Check();

        Assert.DoesNotContain(ticket.State.Messages, m => m.Author == SlaEscalationNote.Author);
    }

    [Fact]
    public void A_breach_found_late_skips_the_warning_it_missed()
    {
        var ticket = new SlaTicket(FirstReplyWithWarning, Local(9, 29, 10));

        ticket.At(Local(9, 29, 11, 5)).Check();

        Assert.Equal([typeof(SlaBreached)], ticket.SlaEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void An_urgent_ticket_keeps_its_priority_and_a_ticket_already_in_the_escalation_queue_is_not_moved()
    {
        var ticket = new SlaTicket(FirstReplyWithWarning with { Escalation = Escalation with { Queue = "general" } }, Local(9, 29, 10), priority: "urgent");

        ticket.At(Local(9, 29, 11)).Check();

        var breach = Assert.IsType<SlaBreached>(ticket.SlaEvents[^1]);
        Assert.Equal(((string?)null, (string?)null), (breach.RaisedPriority, breach.Queue));
        Assert.Equal(("urgent", "general"), (ticket.State.Priority, ticket.State.Queue));
    }

    [Fact]
    public void Each_new_next_reply_cycle_can_breach_again_but_each_clock_only_once()
    {
        var plan = new SlaPlan { Policy = "p", Targets = [new SlaPlanTarget(SlaMetrics.NextReply, 600, BusinessHours: false)] };
        var ticket = new SlaTicket(plan, Local(9, 29, 10)).At(Local(9, 29, 10, 1)).AgentReply().At(Local(9, 29, 10, 2)).RequesterWrites();
        ticket.At(Local(9, 29, 10, 30)).Check();
        ticket.At(Local(9, 29, 10, 31)).RequesterWrites().Check();
        Assert.Single(ticket.SlaEvents);

        ticket.At(Local(9, 29, 10, 40)).AgentReply().At(Local(9, 29, 10, 41)).RequesterWrites().At(Local(9, 29, 11)).Check();

        Assert.Equal([Local(9, 29, 10, 12), Local(9, 29, 10, 51)], ticket.SlaEvents.Cast<SlaBreached>().Select(b => b.DueAt));
    }
}
