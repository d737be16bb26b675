namespace TicketGrains.Grains.Surges;

/// <summary>
/// The streaming detector of one tenant's category, pure: tickets are counted in a sliding window and in whole minutes;
/// each closed minute teaches the baseline of its hour of the day once it has left the window (not while a surge lasts,
/// nor the minutes an onset's window reached back into); a window count at or above
/// the onset level (<see cref="SurgeBaseline.Levels"/>) starts one surge, which ends after
/// <see cref="SurgeOptions.EndQuietMinutes"/> whole minutes in a row below the end level. Time is the tickets' own, so
/// a replay decides exactly as the live stream did, and it never runs backwards.
/// </summary>
public static class SurgeDetector
{
    /// <summary>Counts a new ticket; <paramref name="surgeId"/> names the surge if this ticket starts one.</summary>
    public static SurgeObservation Observe(SurgeDetectorState state, SurgeIncident incident, Guid surgeId, SurgeOptions options)
    {
        var signals = new List<SurgeSignal>(Advance(state, incident.At, options));
        var at = state.LastAt;
        state.Window.Add();
        state.MinuteCount++;
        if (state.Active is { } active)
        {
            active.PeakCount = Math.Max(active.PeakCount, state.Window.Count);
            return new SurgeObservation(signals, active.Id);
        }

        state.Recent.Add(incident with { At = at });
        state.Recent.RemoveAll(r => r.At <= at - options.Window);
        if (state.Recent.Count > options.RecentLimit)
        {
            state.Recent.RemoveRange(0, state.Recent.Count - options.RecentLimit);
        }

        var count = state.Window.Count;
        var levels = state.Baseline.LevelsOver(at - options.Window, at, options);
        if (count >= levels.Onset)
        {
            state.Active = new ActiveSurge { Id = surgeId, DetectedAt = at, PeakCount = count };
            // The minutes the onset's window reached back into were the surge's rising edge, not ordinary traffic.
            state.Unlearnt.Clear();
            var incidents = state.Recent.ToList();
            state.Recent.Clear();
            signals.Add(new SurgeSignal(surgeId, true, incidents.Count > 0 ? incidents[0].At : at, at, count, levels.Expected, levels.Onset, count, incidents));
        }

        return new SurgeObservation(signals, null);
    }

    /// <summary>Lets time pass to <paramref name="now"/>: closes whole minutes (the baseline learns, a surge may end) and slides the window.</summary>
    public static IReadOnlyList<SurgeSignal> Advance(SurgeDetectorState state, DateTimeOffset now, SurgeOptions options)
    {
        var at = now > state.LastAt ? now : state.LastAt;
        var minute = WindowCounts.Floor(at, OneMinute);
        var signals = new List<SurgeSignal>();
        if (state.MinuteStart is { } counting && counting < minute)
        {
            CloseMinutes(state, counting, minute, signals, options);
        }

        Learn(state, at - options.Window, options);

        state.MinuteStart = minute;
        state.Window.Roll(at, options);
        state.LastAt = at;
        return signals;
    }

    /// <summary>
    /// The minute being counted, then the empty ones up to <paramref name="until"/>. A gap longer than a week teaches
    /// only its last week: older empty minutes would change nothing a week of them does not.
    /// </summary>
    private static void CloseMinutes(SurgeDetectorState state, DateTimeOffset from, DateTimeOffset until, List<SurgeSignal> signals, SurgeOptions options)
    {
        Close(state, from, state.MinuteCount, signals, options);
        state.MinuteCount = 0;
        var empty = from + OneMinute;
        if (until - empty > MaxGap)
        {
            empty = until - MaxGap;
        }

        for (; empty < until; empty += OneMinute)
        {
            Close(state, empty, 0, signals, options);
        }
    }

    private static void Close(SurgeDetectorState state, DateTimeOffset minute, int count, List<SurgeSignal> signals, SurgeOptions options)
    {
        if (state.Active is not { } active)
        {
            // Learnt once it has left the window (Learn), unless an onset reaches back into it first.
            state.Unlearnt.Add(new ClosedMinute(minute, count));
            return;
        }

        var levels = state.Baseline.Levels(minute, options);
        active.QuietMinutes = count < levels.End ? active.QuietMinutes + 1 : 0;
        if (active.QuietMinutes >= options.EndQuietMinutes)
        {
            signals.Add(new SurgeSignal(active.Id, false, active.DetectedAt, minute + OneMinute, count, levels.Expected, levels.End, active.PeakCount, []));
            state.Active = null;
        }
    }

    /// <summary>Teaches the baseline, in order, the closed minutes that end at or before <paramref name="windowStart"/>.</summary>
    private static void Learn(SurgeDetectorState state, DateTimeOffset windowStart, SurgeOptions options)
    {
        var left = state.Unlearnt.FindIndex(m => m.Start + OneMinute > windowStart);
        var count = left < 0 ? state.Unlearnt.Count : left;
        foreach (var closed in state.Unlearnt.Take(count))
        {
            state.Baseline.Add(closed.Start, closed.Count, options);
        }

        state.Unlearnt.RemoveRange(0, count);
    }

    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxGap = TimeSpan.FromDays(7);
}
