namespace TicketGrains.Grains.Surges;

/// <summary>
/// Everything the detector knows of one tenant's category, stored as JSON in <c>tg_surge_detectors</c> after each page:
/// the baseline, the window, the minute being counted, the surge in progress and the window's tickets before an onset.
/// </summary>
public sealed class SurgeDetectorState
{
    public SurgeBaseline Baseline { get; set; } = new();

    public WindowCounts Window { get; set; } = new();

    /// <summary>The minute being counted for the baseline (null before the first ticket).</summary>
    public DateTimeOffset? MinuteStart { get; set; }

    public int MinuteCount { get; set; }

    /// <summary>
    /// Closed minutes, oldest first, that the window still reaches into: the baseline learns each only once it has left
    /// the window without an onset, so a burst's first minute never teaches a category to expect that burst.
    /// </summary>
    public List<ClosedMinute> Unlearnt { get; set; } = [];

    /// <summary>The latest time seen: the detector's clock, which only moves forward.</summary>
    public DateTimeOffset LastAt { get; set; }

    public ActiveSurge? Active { get; set; }

    public List<SurgeIncident> Recent { get; set; } = [];
}

/// <summary>A surge in progress: the baseline learns nothing while it lasts, and its minutes decide when it ends.</summary>
public sealed class ActiveSurge
{
    public Guid Id { get; set; }

    public DateTimeOffset DetectedAt { get; set; }

    public int QuietMinutes { get; set; }

    public int PeakCount { get; set; }
}

/// <summary>A whole minute's count that has closed but not yet been taught to the baseline.</summary>
public sealed record ClosedMinute(DateTimeOffset Start, int Count);
