using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TicketGrains.Bench;

/// <summary>
/// Agent pull latency: agents spread over tenants pull (waitSeconds=0), accept and solve what they get (so their
/// capacity frees up), then think. The pull's HTTP round trip is recorded, apart for pulls that handed a ticket and
/// pulls that found none; only the measured window counts, after a warm-up.
/// </summary>
public static class PullBench
{
    /// <summary>Issue 10's aim for the pull's p99.</summary>
    private const double AimMs = 10;

    /// <summary>"id point timestamp 0" lines for the measured pulls whose answer named a trace id (see PullTrace).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> TraceLines = new();

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        PullBenchOptions options;
        try
        {
            options = PullBenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var tenants = await PullBenchSetup.ClientsAsync(options);
        Console.WriteLine($"defining {options.Agents} agents over {options.Tenants} tenants ({options.Tenants * PullBenchSetup.Queues.Length} queues)");
        await PullBenchSetup.DefineAgentsAsync(tenants, options.Agents);
        Console.WriteLine($"creating {options.Tickets} waiting tickets");
        await PullBenchSetup.CreateTicketsAsync(tenants, options.Tickets);

        var measureFrom = Stopwatch.GetTimestamp() + (long)(options.WarmUpSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(options.Seconds * Stopwatch.Frequency);
        Console.WriteLine($"{options.Agents} agents pulling: {options.WarmUpSeconds} s warm-up, {options.Seconds} s measured");
        var workers = Enumerable.Range(0, options.Agents)
            .Select(n => Task.Run(() => AgentAsync(tenants[n % tenants.Length], PullBenchSetup.Agent(n), options.ThinkMs, measureFrom, stopAt)))
            .ToArray();
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom));
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var atStart = await MetricsSnapshot.ScrapeAsync(scraper, options.Url);
        var results = await Task.WhenAll(workers);
        var atEnd = await MetricsSnapshot.ScrapeAsync(scraper, options.Url);
        var handed = new LatencyHistogram();
        var empty = new LatencyHistogram();
        var accepted = new LatencyHistogram();
        foreach (var (h, e, a) in results)
        {
            handed.Add(h);
            empty.Add(e);
            accepted.Add(a);
        }

        Console.WriteLine($"pulls that handed a ticket: {handed.Count} ({handed.Count / (double)options.Seconds:0.0}/s) " +
            $"p50 {handed.PercentileMs(0.5):0.00} ms, p90 {handed.PercentileMs(0.9):0.00} ms, p99 {handed.PercentileMs(0.99):0.00} ms, max {handed.PercentileMs(1):0.00} ms");
        // The aim is a p99, which one noisy second can move; the count over it is the steadier figure to compare runs by.
        var overAim = handed.CountAbove(AimMs);
        Console.WriteLine($"pulls that handed a ticket over the aim ({AimMs} ms): {overAim} ({100.0 * overAim / Math.Max(1, handed.Count):0.00} %); " +
            $"over 15 ms: {handed.CountAbove(15)}, over 25 ms: {handed.CountAbove(25)}");
        Console.WriteLine($"pulls that found none: {empty.Count} p50 {empty.PercentileMs(0.5):0.00} ms, p99 {empty.PercentileMs(0.99):0.00} ms");
        Console.WriteLine($"accepts (for comparison: the ticket is active, one append): p50 {accepted.PercentileMs(0.5):0.00} ms, " +
            $"p90 {accepted.PercentileMs(0.9):0.00} ms, p99 {accepted.PercentileMs(0.99):0.00} ms");
        PullPhaseReport.Print(atStart, atEnd);
        if (options.TraceDirectory is { } traceDirectory)
        {
            Directory.CreateDirectory(traceDirectory);
            await File.WriteAllLinesAsync(Path.Combine(traceDirectory, PullTraceReport.ClientFile), TraceLines);
            Console.WriteLine($"pull trace: {TraceLines.Count / 2} pulls in {Path.Combine(traceDirectory, PullTraceReport.ClientFile)}");
        }

        return handed.Count > 0 ? 0 : 1;
    }

    private static async Task<(LatencyHistogram Handed, LatencyHistogram Empty, LatencyHistogram Accepted)> AgentAsync(
        HttpClient http, string agent, int thinkMs, long measureFrom, long stopAt)
    {
        var handed = new LatencyHistogram();
        var empty = new LatencyHistogram();
        var accepted = new LatencyHistogram();
        var random = new Random(agent.GetHashCode());
        await Task.Delay(random.Next(thinkMs * 2));
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var start = Stopwatch.GetTimestamp();
            using var pulled = await http.PostAsync($"/api/v1/agents/{agent}/next", null);
            var end = Stopwatch.GetTimestamp();
            var measured = start >= measureFrom;
            if (measured && pulled.StatusCode == HttpStatusCode.OK && pulled.Headers.TryGetValues(PullTraceReport.Header, out var traceIds))
            {
                var id = traceIds.First();
                TraceLines.Enqueue($"{id} client-send {start} 0");
                TraceLines.Enqueue($"{id} client-recv {end} 0");
            }

            if (pulled.StatusCode == HttpStatusCode.OK)
            {
                if (measured)
                {
                    handed.RecordSince(start, end);
                }

                var ticket = (await pulled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                var acceptStart = Stopwatch.GetTimestamp();
                (await http.PostAsync($"/api/v1/agents/{agent}/tickets/{ticket}/accept", null)).EnsureSuccessStatusCode();
                if (measured)
                {
                    accepted.RecordSince(acceptStart);
                }

                (await http.PostAsJsonAsync($"/api/v1/tickets/{ticket}/status", new { status = "solved" })).EnsureSuccessStatusCode();
            }
            else if (pulled.StatusCode == HttpStatusCode.NoContent)
            {
                if (measured)
                {
                    empty.RecordSince(start, end);
                }
            }
            else
            {
                throw new HttpRequestException($"{agent}: pull answered {(int)pulled.StatusCode}");
            }

            await Task.Delay(random.Next(thinkMs * 2));
        }

        return (handed, empty, accepted);
    }
}
