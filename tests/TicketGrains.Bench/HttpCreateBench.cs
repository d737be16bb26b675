using System.Diagnostics;

namespace TicketGrains.Bench;

/// <summary>
/// Ticket creation over HTTP: closed-loop runs (N workers, each sending its next request when the last
/// answered) to find the throughput, and an open-loop run on a fixed timetable to measure latency at a
/// given rate without coordinated omission.
/// </summary>
public sealed class HttpCreateBench(TicketCreateClient client, TimeSpan duration, int? siloPid)
{
    public const string ClosedLoopPhase = "http closed-loop";
    public const string OpenLoopPhase = "http half-load";

    public async Task<(PhaseResult Result, ErrorLog Errors)> ClosedLoopAsync(int concurrency, string phase = ClosedLoopPhase) =>
        await RunAsync(phase, $"{concurrency} conc", concurrency, (latency, errors, deadline, _) => ClosedWorkerAsync(latency, errors, deadline));

    /// <summary>
    /// Requests are due at start + k/rate; a free worker takes the next slot, waits for its time and measures
    /// from it, so a stalled server shows up as latency instead of as fewer requests sent.
    /// </summary>
    public async Task<(PhaseResult Result, ErrorLog Errors)> OpenLoopAsync(double rate, int workers)
    {
        var slots = (long)(rate * duration.TotalSeconds);
        var ticksPerSlot = Stopwatch.Frequency / rate;
        var next = -1L;
        var stats = new OpenLoopStats();
        var (result, errors) = await RunAsync(OpenLoopPhase, $"open {rate:0}/s, {workers} workers", workers,
            (latency, errors, _, start) => OpenWorkerAsync(latency, errors, () => Interlocked.Increment(ref next), slots, start, ticksPerSlot, stats));
        return (result with { OpenLoop = stats }, errors);
    }

    private async Task<(PhaseResult, ErrorLog)> RunAsync(string phase, string mode, int workers,
        Func<LatencyHistogram, ErrorLog, long, long, Task<long>> worker)
    {
        var errors = new ErrorLog();
        var histograms = new LatencyHistogram[workers];
        var tasks = new Task<long>[workers];
        var cpu = CpuSampler.Start(siloPid);
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < workers; i++)
        {
            var histogram = histograms[i] = new LatencyHistogram();
            tasks[i] = Task.Run(() => worker(histogram, errors, deadline, start));
        }

        var created = (await Task.WhenAll(tasks)).Sum();
        var elapsed = Stopwatch.GetElapsedTime(start);
        var split = cpu?.Stop();
        var latency = new LatencyHistogram();
        foreach (var histogram in histograms)
        {
            latency.Add(histogram);
        }

        return (new PhaseResult(phase, mode, created, errors.Total, elapsed, latency, split), errors);
    }

    private async Task<long> ClosedWorkerAsync(LatencyHistogram latency, ErrorLog errors, long deadline)
    {
        long created = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await client.CreateAsync(Stopwatch.GetTimestamp(), latency, errors))
            {
                created++;
            }
        }

        return created;
    }

    private async Task<long> OpenWorkerAsync(LatencyHistogram latency, ErrorLog errors, Func<long> takeSlot, long slots, long start,
        double ticksPerSlot, OpenLoopStats stats)
    {
        long created = 0;
        long backlogged = 0;
        var timerLag = new LatencyHistogram();
        for (var slot = takeSlot(); slot < slots; slot = takeSlot())
        {
            var due = start + (long)(slot * ticksPerSlot);
            // A slot picked up more than a millisecond after it was due waited for a free worker, not for a timer.
            if (Stopwatch.GetTimestamp() - due > Stopwatch.Frequency / 1000)
            {
                backlogged++;
            }
            else
            {
                await WaitUntilAsync(due);
                timerLag.Record(Math.Max(0, Stopwatch.GetElapsedTime(due, Stopwatch.GetTimestamp()).Ticks / TimeSpan.TicksPerMicrosecond));
            }

            var sent = Stopwatch.GetTimestamp();

            // From the due time when late (no coordinated omission), from the send when up to 1 ms early.
            if (await client.CreateAsync(Math.Min(due, sent), latency, errors))
            {
                created++;
            }
        }

        stats.Add(timerLag, backlogged);
        return created;
    }

    /// <summary>
    /// Sleeps until less than a millisecond before the due time. Timers are millisecond-grained and tend to
    /// overshoot, so waiting in whole milliseconds rounded down lands close to the timetable.
    /// </summary>
    private static async Task WaitUntilAsync(long due)
    {
        for (var remaining = due - Stopwatch.GetTimestamp(); remaining * 1000 >= Stopwatch.Frequency; remaining = due - Stopwatch.GetTimestamp())
        {
            // The open-loop timetable itself, not a wait for the server.
            await Task.Delay((int)(remaining * 1000 / Stopwatch.Frequency));
        }
    }
}
