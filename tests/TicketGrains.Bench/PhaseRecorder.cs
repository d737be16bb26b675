using System.Globalization;

namespace TicketGrains.Bench;

/// <summary>Adds a finished phase to the report and prints it at once, so a long run shows progress.</summary>
public static class PhaseRecorder
{
    public static void Record(BenchReport report, PhaseResult result, ErrorLog? errors)
    {
        report.Add(result);
        Print(result, errors);
        if (errors?.Describe() is { Count: > 0 } lines)
        {
            report.Note($"{result.Phase} {result.Mode}: {string.Join("; ", lines)}");
        }

        if (result.OpenLoop is { } open)
        {
            var lag = open.TimerLag;
            report.Note(string.Create(CultureInfo.InvariantCulture,
                $"{result.Phase}: bench timer lag p50 {lag.PercentileMs(0.5):0.00} ms, p99 {lag.PercentileMs(0.99):0.00} ms; ")
                + $"{open.Backlogged} requests were already due when a worker freed up (all waiting on the server); both count in its latency");
        }
    }

    public static void Print(PhaseResult result, ErrorLog? errors)
    {
        Console.WriteLine(string.Join("  ", ReportRenderer.Cells(result)));
        foreach (var line in errors?.Describe() ?? [])
        {
            Console.WriteLine($"    error {line}");
        }
    }
}
