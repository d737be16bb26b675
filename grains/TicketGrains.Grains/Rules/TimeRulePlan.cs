using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Grains.Rules;

/// <summary>Which time rules a ticket that entered <c>status</c> at <c>since</c> will meet, and when.</summary>
public static class TimeRulePlan
{
    public static IReadOnlyList<TimeRuleDue> For(Guid ticket, IReadOnlyList<RuleVersion> timeRules, string status, DateTimeOffset since) =>
        [.. RuleRun.Parse(timeRules).Where(r => r.Rule.Status == status)
            .Select(r => new TimeRuleDue(ticket, r.Id, since, since + TimeSpan.FromSeconds(r.Rule.AfterSeconds!.Value)))];

    /// <summary>When the clock wakes next: at the next due time, but at least every <paramref name="maxSleep"/> to look again.</summary>
    public static DateTimeOffset NextWake(DateTimeOffset now, DateTimeOffset? nextDue, TimeSpan maxSleep) =>
        nextDue is { } due && due < now + maxSleep ? due : now + maxSleep;
}
