using System.Diagnostics;
using System.Globalization;
using System.Text;
using TicketGrains.Bench.Timeline;

namespace TicketGrains.Bench.Peak;

/// <summary>
/// The Double 11 replay (<c>TicketGrains.Bench peak</c>, driven by deploy/local/peak-replay.sh): after the setup, the
/// seeded mix on the midnight curve, open loop; per second offered, acknowledged, failed and latency percentiles (CSV),
/// per operation the totals, and afterwards every acknowledged create and message read back.
/// </summary>
public static class PeakReplay
{
    /// <summary>Quiet evening, then midnight: x20 in 60 s, then the peak held.</summary>
    private static readonly RateCurve Midnight = new([(0, 20), (20, 20), (80, 400)]);

    public static async Task<int> RunAsync(string[] args)
    {
        if (TimelineOptions.ParseOrExplain(args) is not { } options)
        {
            return 2;
        }

        using var api = new FrontEnds(options.Urls, options.Token, options.MaxInFlight);
        var acks = new AckLedger();
        var setup = await PeakSetup.PrepareAsync(api, options.Seed, acks);
        var mix = new PeakMix(options.Seed);
        var requests = new PeakRequests(api, setup, mix, acks, $"{options.Seed}-{Guid.NewGuid().ToString("N")[..6]}");
        var perOp = PeakMix.Ops.ToDictionary(op => op, _ => new OpTotals());
        var driver = new OpenLoopDriver(options.Curve ?? Midnight, options.Seconds, options.MaxInFlight);
        Console.Error.WriteLine($"setup done: {PeakSetup.AgentCount} agents online, app channel {setup.ChannelId}, {setup.Tickets.Count} tickets; replaying");
        await driver.RunAsync(async (n, ct) =>
        {
            var op = mix.OpOf(n);
            var started = Stopwatch.GetTimestamp();
            var outcome = await requests.SendAsync(op, n, ct);
            perOp[op].Record(outcome.Ok, Stopwatch.GetElapsedTime(started));
            return outcome;
        }, CancellationToken.None);

        await File.WriteAllTextAsync(options.Csv!, SecondBuckets.Csv(driver.Buckets.Rows(), driver.StartUnixMs));
        var missing = options.Verify ? await acks.MissingAsync(api, CancellationToken.None) : [];
        var summary = new StringBuilder(TimelineBench.Summary(driver.Buckets, acks, missing, options.Verify)).AppendLine()
            .AppendLine("| operation | acknowledged | failed | p50 ms | p99 ms |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (op, totals) in perOp)
        {
            summary.AppendLine(totals.Row(op.ToString()));
        }

        Console.WriteLine(summary);
        if (options.Summary is { } path)
        {
            await File.WriteAllTextAsync(path, summary.ToString());
        }

        return missing.Count == 0 ? 0 : 1;
    }

    /// <summary>One operation's answers over the run; latency from the send (the CSV's is from the scheduled time).</summary>
    private sealed class OpTotals
    {
        private readonly LatencyHistogram _latency = new();
        private long _failed;

        public void Record(bool ok, TimeSpan latency)
        {
            lock (_latency)
            {
                if (ok)
                {
                    _latency.Record((long)latency.TotalMicroseconds);
                }
                else
                {
                    _failed++;
                }
            }
        }

        public string Row(string name)
        {
            lock (_latency)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {_latency.Count} | {_failed} | {_latency.PercentileMs(0.5):0.0} | {_latency.PercentileMs(0.99):0.0} |");
            }
        }
    }
}
