namespace TicketGrains.Bench;

/// <summary>
/// Where a pull's time went in the measured window, from the silo's /metrics at its two edges: each phase of a pull
/// that handed a ticket (bucket upper bounds, so a figure over-states by at most one bucket), the event log's commits,
/// and the runtime's garbage collections and thread pool work.
/// </summary>
public static class PullPhaseReport
{
    private const string Phases = "ticketgrains_agents_pull_phase_duration_seconds";
    private const string Commits = "ticketgrains_eventlog_commit_duration_seconds";

    public static void Print(MetricsSnapshot before, MetricsSnapshot after)
    {
        Console.WriteLine("pull phases in the measured window (bucket upper bounds):");
        foreach (var phase in new[] { "call", "agent", "claim", "audit" })
        {
            Line($"  {phase,-6}", after, before, Phases, $"phase=\"{phase}\"");
        }

        Line("  event log commit", after, before, Commits, "outcome=\"committed\"");
        var gc = string.Join(", ", new[] { "gen0", "gen1", "gen2" }.Select(g =>
            $"{g} {after.IncreaseSince(before, "dotnet_gc_collections_total", $"\"{g}\""):0}"));
        Console.WriteLine($"  garbage collections: {gc}; paused {after.IncreaseSince(before, "dotnet_gc_pause_time_seconds_total") * 1000:0} ms in all");
        Console.WriteLine($"  thread pool work items: {after.IncreaseSince(before, "dotnet_thread_pool_work_item_count_total"):0}");
    }

    private static void Line(string name, MetricsSnapshot after, MetricsSnapshot before, string histogram, string label)
    {
        var quantiles = new[] { 0.5, 0.9, 0.99 }.Select(q => after.Quantile(before, histogram, label, q)).ToArray();
        Console.WriteLine(quantiles[0] is { } first
            ? $"{name}: {first.Count} p50 ≤ {Ms(quantiles[0])}, p90 ≤ {Ms(quantiles[1])}, p99 ≤ {Ms(quantiles[2])} ms"
            : $"{name}: none recorded");
    }

    private static string Ms((double UpperBoundSeconds, long Count)? quantile) =>
        quantile is { } q ? (q.UpperBoundSeconds * 1000).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
