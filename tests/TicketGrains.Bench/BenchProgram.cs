using System.Runtime.InteropServices;

namespace TicketGrains.Bench;

/// <summary>
/// Measures durable ticket creation over HTTP against raw PostgreSQL inserts in the same run: the machine
/// is noisy, so only ratios taken side by side mean something.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["sla", .. var slaArgs])
        {
            return await SlaBench.RunAsync(slaArgs);
        }

        if (args is ["pull", .. var pullArgs])
        {
            return await PullBench.RunAsync(pullArgs);
        }

        if (args is ["pull-trace-report", var traceDirectory])
        {
            return PullTraceReport.Run(traceDirectory);
        }

        if (args is ["inbound-latency", .. var inboundArgs])
        {
            return await InboundLatencyBench.RunAsync(inboundArgs);
        }

        if (args is ["speech", .. var speechArgs])
        {
            return await Speech.SpeechBench.RunAsync(speechArgs);
        }

        if (args is ["intents", .. var intentArgs])
        {
            return IntentBench.Run(intentArgs);
        }

        if (args is ["workbench", .. var workbenchArgs])
        {
            return await WorkbenchBench.RunAsync(workbenchArgs);
        }

        if (args is ["ocr", .. var ocrArgs])
        {
            return await Ocr.OcrBench.RunAsync(ocrArgs);
        }

        if (args is ["timeline", .. var timelineArgs])
        {
            return await Timeline.TimelineBench.RunAsync(timelineArgs);
        }

        if (args is ["peak", .. var peakArgs])
        {
            return await Peak.PeakReplay.RunAsync(peakArgs);
        }

        if (args is ["surges", .. var surgeArgs])
        {
            return Surges.SurgeBench.Run(surgeArgs);
        }

        if (args is ["webhook-latency", .. var rest])
        {
            return await WebhookLatencyBench.RunAsync(rest);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var report = new BenchReport();
        report.Context.Add($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.Context.Add($"machine: nproc {Environment.ProcessorCount}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        report.Context.Add($"command: `{CommandLineText.Of(options, args)}`");
        report.Context.Add("columns: raw count = rows with latency per statement (a batch is one); HTTP count = 201s with latency per request; " +
            "cpu % = share of all cores used by the bench / the silo / everything else (mostly PostgreSQL)");
        var duration = TimeSpan.FromSeconds(options.Seconds);
        if (options.ConnectionString is { } connectionString)
        {
            await RawBaselinePhases.RunAsync(options, connectionString, duration, report);
        }

        if (options.Url is { } url)
        {
            await HttpCreationPhases.RunAsync(options, url, duration, report);
        }

        var text = ReportRenderer.Text(report);
        Console.WriteLine();
        Console.WriteLine(text);
        if (options.MarkdownPath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, ReportRenderer.Markdown(report, $"Ticket creation bench, {DateTimeOffset.UtcNow:yyyy-MM-dd}"));
            Console.WriteLine($"Markdown written to {path}");
        }

        return report.Incomplete ? 1 : 0;
    }
}
