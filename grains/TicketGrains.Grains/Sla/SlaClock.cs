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
    /// Moves the due time by <paramref name="change"/> of target time at <paramref name="at"/>, as if the clock had been
    /// started with the new target: the time already counted and the pauses stay. A clock whose target was already missed
    /// keeps its due time (a new priority does not undo a miss); one whose new target is already used up is due at once.
    /// </summary>
    public void Retarget(BusinessCalendar? calendar, TimeSpan change, DateTimeOffset at)
    {
        if (BreachedAt is not null)
        {
            return;
        }

        if (PausedSince is { } paused)
        {
            // A paused clock's due time stands still: it was missed only if it passed before the pause.
            if (DueAt <= paused)
            {
                return;
            }

            var left = (RemainingSeconds ?? 0) + change.TotalSeconds;
            RemainingSeconds = Math.Max(0, left);
            if (!BusinessHours || calendar is null)
            {
                // Paused, a wall-clock due time is the pause plus the time left: it moves with it, into the past when used up.
                DueAt += change;
            }
            else if (left <= 0)
            {
                // Used up before the pause: the breach is owed from the pause on.
                DueAt = paused;
            }

            return;
        }

        if (DueAt <= at)
        {
            return;
        }

        if (BusinessHours && calendar is not null)
        {
            var left = calendar.Between(at, DueAt) + change;
            DueAt = left > TimeSpan.Zero ? calendar.Add(at, left) : at;
        }
        else
        {
            DueAt += change;
        }
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
