using System.Text.Json.Serialization;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// A ticket's SLA clocks under its plan, moved by the ticket's events (the state machine of docs/sla.md): which clocks
/// start, pause, resume, end, warn and breach. Pure: every instant comes from an event.
/// </summary>
public sealed class SlaClockSet
{
    private SlaPlan? _plan;

    /// <summary>The ticket's plan, shared with every ticket under the same plan (also when set from a snapshot).</summary>
    public SlaPlan? Plan
    {
        get => _plan;
        set => _plan = value is null ? null : SlaPlanCache.Shared(value);
    }

    public List<SlaClock> Clocks { get; set; } = [];

    [JsonIgnore]
    public TimeSpan? WarnBefore => Plan?.WarnBeforeSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private BusinessCalendar? Calendar => Plan is { } plan ? SlaPlanCache.CalendarOf(plan) : null;

    public void Start(SlaPlan plan, DateTimeOffset at)
    {
        (Plan, Clocks) = (plan, []);
        foreach (var metric in SlaMetrics.All.Where(SlaMetrics.StartsWithTicket))
        {
            StartClock(metric, TicketStatus.New, at);
        }
    }

    /// <summary>
    /// The first-reply clock of a ticket snapshotted before clocks existed: due when the snapshot said, paused since its
    /// last change if its status does not count (the exact instant of that status change is not in a snapshot).
    /// </summary>
    public void RestoreFirstReply(SlaPlan plan, DateTimeOffset due, string status, DateTimeOffset lastChange)
    {
        (Plan, Clocks) = (plan, [new SlaClock { Metric = SlaMetrics.FirstReply, DueAt = due }]);
        if (!SlaMetrics.CountsIn(SlaMetrics.FirstReply, status))
        {
            Clocks[0].Pause(null, lastChange);
        }
    }

    /// <summary>A public reply by an agent fulfils the reply clocks and starts the next periodic update.</summary>
    public void AgentReplied(string status, DateTimeOffset at)
    {
        Clocks.RemoveAll(c => c.Metric is SlaMetrics.FirstReply or SlaMetrics.NextReply or SlaMetrics.PeriodicUpdate);
        StartClock(SlaMetrics.PeriodicUpdate, status, at);
    }

    /// <summary>A requester's message after the first reply starts the next-reply clock, unless one already runs.</summary>
    public void RequesterWrote(bool firstReplyGiven, string status, DateTimeOffset at)
    {
        if (firstReplyGiven && Clocks.All(c => c.Metric != SlaMetrics.NextReply))
        {
            StartClock(SlaMetrics.NextReply, status, at);
        }
    }

    public void StatusChanged(string to, DateTimeOffset at)
    {
        if (to == TicketStatus.Closed)
        {
            Clocks.Clear();
            return;
        }

        if (to == TicketStatus.Solved)
        {
            Clocks.RemoveAll(c => SlaMetrics.EndsWhenSolved(c.Metric));
        }

        foreach (var clock in Clocks)
        {
            if (SlaMetrics.CountsIn(clock.Metric, to))
            {
                clock.Resume(Calendar, at);
            }
            else
            {
                clock.Pause(Calendar, at);
            }
        }
    }

    /// <summary>
    /// The ticket now runs under <paramref name="plan"/> (chosen for its new priority): each clock the old and the new plan
    /// both set a target for moves by the difference of the two targets; clocks the new plan has no target for keep their
    /// due times. A clock that will now reach its warning later is warned again.
    /// </summary>
    public void Replan(SlaPlan plan, DateTimeOffset at)
    {
        var before = Plan;
        Plan = plan;
        foreach (var clock in Clocks)
        {
            if (TargetOf(before, clock.Metric) is not { } from || TargetOf(plan, clock.Metric) is not { } to)
            {
                continue;
            }

            clock.Retarget(Calendar, to - from, at);
            if (clock.WarnedAt is not null && clock.PausedSince is null && WarnBefore is { } warnBefore && clock.DueAt - warnBefore > at)
            {
                clock.WarnedAt = null;
            }
        }
    }

    private static TimeSpan? TargetOf(SlaPlan? plan, string metric) =>
        plan?.Targets.FirstOrDefault(t => t.Metric == metric) is { } target ? TimeSpan.FromSeconds(target.Seconds) : null;

    public void Warned(string metric, DateTimeOffset at) => Find(metric)?.WarnedAt ??= at;

    public void Breached(string metric, DateTimeOffset at) => Find(metric)?.BreachedAt ??= at;

    /// <summary>The earliest instant a clock needs a warning or a breach decided.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextCheckAt => Clocks.Select(c => c.NextCheckAt(WarnBefore)).Where(d => d is not null).Min();

    /// <summary>The clock whose warning or breach is due at <paramref name="now"/>, earliest first, with whether it is a breach.</summary>
    public (SlaClock Clock, bool Breach)? DueAt(DateTimeOffset now)
    {
        var clock = Clocks.Where(c => c.NextCheckAt(WarnBefore) <= now).MinBy(c => c.NextCheckAt(WarnBefore));
        return clock is null ? null : (clock, clock.DueAt <= now);
    }

    public SlaClock? Find(string metric) => Clocks.Find(c => c.Metric == metric);

    public IReadOnlyList<SlaClockView> Views() => [.. Clocks.Select(c => new SlaClockView(c.Metric, c.DueAt, c.PausedSince, c.BreachedAt))];

    private void StartClock(string metric, string status, DateTimeOffset at)
    {
        if (Plan?.Targets.FirstOrDefault(t => t.Metric == metric) is not { } target)
        {
            return;
        }

        var clock = SlaClock.Start(metric, TimeSpan.FromSeconds(target.Seconds), target.BusinessHours, Calendar, at);
        if (!SlaMetrics.CountsIn(metric, status))
        {
            clock.Pause(Calendar, at);
        }

        Clocks.Add(clock);
    }
}
