using System.Globalization;
using System.Text;

namespace TicketGrains.Bench;

/// <summary>Renders a report as an aligned console table or as a Markdown fragment for docs/benchmarks.md.</summary>
public static class ReportRenderer
{
    private static readonly string[] Header =
        ["phase", "mode", "count", "per s", "p50 ms", "p99 ms", "p99.9 ms", "errors", "cpu % bench/silo/other"];

    /// <summary>One table row; for the raw phases count is rows and latency is per statement.</summary>
    public static string[] Cells(PhaseResult phase) =>
    [
        phase.Phase,
        phase.Mode,
        phase.Count.ToString(CultureInfo.InvariantCulture),
        phase.PerSecond.ToString("0", CultureInfo.InvariantCulture),
        Ms(phase.Latency.PercentileMs(0.50)),
        Ms(phase.Latency.PercentileMs(0.99)),
        Ms(phase.Latency.PercentileMs(0.999)),
        phase.Errors.ToString(CultureInfo.InvariantCulture),
        phase.Cpu?.ToString() ?? "-",
    ];

    public static string Text(BenchReport report)
    {
        var rows = report.Phases.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var line in report.Context)
        {
            text.AppendLine(line);
        }

        text.AppendLine();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }

        text.AppendLine();
        AppendLines(text, report.Summary(), string.Empty);
        AppendLines(text, report.Notes, "note: ");
        return text.ToString();
    }

    public static string Markdown(BenchReport report, string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}").AppendLine();
        AppendLines(text, report.Context.Select(line => $"- {line}"), string.Empty);
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", Header) + " |");
        text.AppendLine("|" + string.Concat(Header.Select((_, c) => c < 2 ? " --- |" : " ---: |")));
        foreach (var phase in report.Phases)
        {
            text.AppendLine("| " + string.Join(" | ", Cells(phase)) + " |");
        }

        text.AppendLine().AppendLine("```");
        AppendLines(text, report.Summary(), string.Empty);
        text.AppendLine("```");
        if (report.Notes.Count > 0)
        {
            text.AppendLine();
            AppendLines(text, report.Notes.Select(note => note.Replace("|", "\\|", StringComparison.Ordinal)), "- ");
        }

        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, IEnumerable<string> lines, string prefix)
    {
        foreach (var line in lines)
        {
            text.Append(prefix).AppendLine(line);
        }
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
