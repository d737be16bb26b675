namespace TicketGrains.Grains.Sla;

/// <summary>
/// One metric's clock on one ticket. Running: it is due at <see cref="DueAt"/>. Paused: <see cref="PausedSince"/> is set and
/// <see cref="RemainingSeconds"/> holds the target time still left (working seconds for a business-hours target); resuming
/// puts that much time after the resume instant. Warning and breach each happen at most once per clock. Public setters
/// only so a ticket snapshot can hold it as JSON.
/// </summary>
public sealed class SlaClock
{
    public string Metric { get; set; } = "";
    public bool BusinessHours { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? PausedSince { get; set; }
    public double? RemainingSeconds { get; set; }
    public DateTimeOffset? WarnedAt { get; set; }
    public DateTimeOffset? BreachedAt { get; set; }

    public static SlaClock Start(string metric, TimeSpan target, bool businessHours, BusinessCalendar? calendar, DateTimeOffset at) => new()
    {
        Metric = metric,
        BusinessHours = businessHours,
        DueAt = Advance(calendar, businessHours, at, target),
    };

    /// <summary>Stops counting at <paramref name="at"/>, keeping the time left (none once the due time passed).</summary>
    public void Pause(BusinessCalendar? calendar, DateTimeOffset at)
    {
        if (PausedSince is not null)
        {
            return;
        }

        var left = BusinessHours && calendar is not null ? calendar.Between(at, DueAt) : DueAt - at;
        (PausedSince, RemainingSeconds) = (at, Math.Max(0, left.TotalSeconds));
    }

    /// <summary>Counts again from <paramref name="at"/>: the due time moves by the paused time (working time for business hours).</summary>
    public void Resume(BusinessCalendar? calendar, DateTimeOffset at)
    {
        if (PausedSince is null)
        {
            return;
        }

        // A clock breached before its pause keeps the due time it breached at.
        if (BreachedAt is null)
        {
            DueAt = Advance(calendar, BusinessHours, at, TimeSpan.FromSeconds(RemainingSeconds ?? 0));
        }

        (PausedSince, RemainingSeconds) = (null, null);
    }

    /// <summary>
    /// When this clock next needs a decision: its warning, else its breach; never once breached. A paused clock whose due
    /// time passed before the pause still owes its breach.
    /// </summary>
    public DateTimeOffset? NextCheckAt(TimeSpan? warnBefore)
    {
        if (BreachedAt is not null || (PausedSince is { } paused && paused < DueAt))
        {
            return null;
        }

        return warnBefore is { } before && WarnedAt is null && PausedSince is null ? DueAt - before : DueAt;
    }

    private static DateTimeOffset Advance(BusinessCalendar? calendar, bool businessHours, DateTimeOffset at, TimeSpan amount) =>
        businessHours && calendar is not null ? calendar.Add(at, amount) : at + amount;
}
