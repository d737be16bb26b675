using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TicketGrains.Grains.Surges;

namespace TicketGrains.Bench.Surges;

/// <summary>
/// The surge detector on a seeded replay (ADR 0024): several categories of ordinary traffic learn their baselines for
/// <c>--warmup-days</c>, then <c>--days</c> more are replayed and every surge raised in them is a false alarm; then, at
/// random times of those days, surges of several sizes (extra tickets a minute for ten minutes, on top of the ordinary
/// traffic) are injected into a copy of the detector as it was at that moment, and the delay from onset to detection is
/// measured. Event time only: what the pipeline adds in front (its lag) is measured by bench.sh.
/// </summary>
public static class SurgeBench
{
    private static readonly (string Category, double PerDay)[] Categories =
        [("logistics", 6000), ("logistics_exception", 1500), ("refund", 800), ("presale", 300), ("invoice", 40)];

    private static readonly int[] SurgeSizes = [5, 10, 20, 50, 200];

    public static int Run(string[] args)
    {
        var days = Option(args, "--days", 14);
        var warmupDays = Option(args, "--warmup-days", 7);
        var trials = Option(args, "--trials", 40);
        var seed = Option(args, "--seed", 20261204);
        var options = new SurgeOptions();
        var random = new Random(seed);
        var quiet = new QuietDay(random);
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();

        Console.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; seed {seed}; warm-up {warmupDays} days, replay {days} days, {trials} injections per size");
        Console.WriteLine($"detector: window {options.WindowSeconds} s in {options.BucketSeconds} s buckets, onset at max({options.MinimumCount}, " +
            $"{options.MinimumRatio} × expected, expected + {options.Sigmas} σ), end after {options.EndQuietMinutes} quiet minutes, slot weight {options.SlotWeight}");
        var falseAlarms = 0;
        var tickets = 0L;
        var delays = SurgeSizes.ToDictionary(s => s, _ => new List<double>());
        var missed = SurgeSizes.ToDictionary(s => s, _ => 0);
        foreach (var (category, perDay) in Categories)
        {
            var detector = new SurgeDetectorState();
            var stream = Enumerable.Range(0, warmupDays + days).SelectMany(d => quiet.Tickets(start.AddDays(d), perDay)).ToList();
            tickets += stream.Count;
            var replayFrom = start.AddDays(warmupDays);
            var injections = Enumerable.Range(0, trials * SurgeSizes.Length)
                .Select(i => (Size: SurgeSizes[i % SurgeSizes.Length], At: replayFrom.AddSeconds(random.NextDouble() * days * 86400 - 900)))
                .OrderBy(x => x.At).ToList();
            var next = 0;
            var alarms = 0;
            foreach (var at in stream)
            {
                while (next < injections.Count && injections[next].At <= at)
                {
                    var (size, onset) = injections[next++];
                    if (onset >= replayFrom && Inject(detector, stream, onset, size, random, quiet, options) is { } delay)
                    {
                        delays[size].Add(delay);
                    }
                    else if (onset >= replayFrom)
                    {
                        missed[size]++;
                    }
                }

                var observed = SurgeDetector.Observe(detector, new SurgeIncident(Guid.Empty, Guid.Empty, false, at), Guid.NewGuid(), options);
                alarms += at >= replayFrom ? observed.Signals.Count(s => s.Detected) : 0;
            }

            Console.WriteLine($"{category}: {perDay:F0} tickets a day on average, {alarms} surges raised in {days} quiet days");
            falseAlarms += alarms;
        }

        Console.WriteLine($"false alarms: {falseAlarms} in {days} days × {Categories.Length} categories = " +
            $"{(double)falseAlarms / days:F2} per day per tenant ({Categories.Length} categories), {tickets:N0} tickets replayed");
        Console.WriteLine("| injected surge (extra tickets a minute, 10 min) | detected | delay p50 | delay p90 | delay max |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var size in SurgeSizes)
        {
            var found = delays[size].Order().ToList();
            var total = found.Count + missed[size];
            Console.WriteLine(found.Count == 0
                ? $"| {size} | 0 / {total} | – | – | – |"
                : $"| {size} | {found.Count} / {total} | {Seconds(found, 0.5)} | {Seconds(found, 0.9)} | {Seconds(found, 1.0)} |");
        }

        Console.WriteLine($"replay took {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>A surge injected into a copy of the detector: ordinary traffic of the next 15 minutes plus the surge's tickets; the delay in seconds, null if missed.</summary>
    private static double? Inject(SurgeDetectorState detector, List<DateTimeOffset> stream, DateTimeOffset onset, int perMinute, Random random,
        QuietDay quiet, SurgeOptions options)
    {
        if (detector.Active is not null)
        {
            return null;
        }

        var copy = JsonSerializer.Deserialize<SurgeDetectorState>(JsonSerializer.Serialize(detector))!;
        var extra = Enumerable.Range(0, 10).SelectMany(m => Enumerable.Range(0, quiet.Poisson(perMinute))
            .Select(_ => onset.AddMinutes(m).AddSeconds(random.NextDouble() * 60)));
        var from = stream.BinarySearch(onset);
        var ordinary = stream.Skip(from < 0 ? ~from : from).TakeWhile(t => t < onset.AddMinutes(15));
        foreach (var at in ordinary.Concat(extra).Order())
        {
            var observed = SurgeDetector.Observe(copy, new SurgeIncident(Guid.Empty, Guid.Empty, false, at), Guid.NewGuid(), options);
            if (observed.Signals.Any(s => s.Detected))
            {
                return (at - onset).TotalSeconds;
            }
        }

        return null;
    }

    private static string Seconds(List<double> sorted, double quantile) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)].ToString("F0", CultureInfo.InvariantCulture) + " s";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
