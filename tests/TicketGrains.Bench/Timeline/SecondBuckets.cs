using System.Globalization;
using System.Text;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// What happened in each second of a run, by the second a request ended in: answers that succeeded, failures (by kind),
/// requests the client could not even send (too many in flight) and the latency percentiles of the successes.
/// </summary>
public sealed class SecondBuckets(int seconds)
{
    private readonly Bucket[] _buckets = [.. Enumerable.Range(0, seconds + 1).Select(_ => new Bucket())];
    private readonly ErrorLog _errors = new();

    public ErrorLog Errors => _errors;

    public long Ok => _buckets.Sum(b => b.Ok);

    public long Failed => _buckets.Sum(b => b.Failed);

    public void Success(double second, long latencyMicroseconds)
    {
        var bucket = At(second);
        lock (bucket)
        {
            bucket.Ok++;
            bucket.Latency.Record(latencyMicroseconds);
        }
    }

    public void Failure(double second, string kind, string detail)
    {
        var bucket = At(second);
        lock (bucket)
        {
            bucket.Failed++;
        }

        _errors.Add(kind, detail);
    }

    public void Offered(double second)
    {
        var bucket = At(second);
        lock (bucket)
        {
            bucket.Offered++;
        }
    }

    /// <summary>One row per second: second, offered, ok, failed, p50, p90, p99, max (ms).</summary>
    public IReadOnlyList<SecondRow> Rows() => [.. _buckets.Select((b, i) =>
    {
        lock (b)
        {
            return new SecondRow(i, b.Offered, b.Ok, b.Failed, b.Latency.PercentileMs(0.5), b.Latency.PercentileMs(0.9),
                b.Latency.PercentileMs(0.99), b.Latency.PercentileMs(1.0));
        }
    })];

    public static string Csv(IEnumerable<SecondRow> rows, long startUnixMs)
    {
        var csv = new StringBuilder("second,unix_ms,offered,ok,failed,p50_ms,p90_ms,p99_ms,max_ms\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Second},{startUnixMs + (r.Second * 1000L)},{r.Offered},{r.Ok},{r.Failed},")
                .Append(CultureInfo.InvariantCulture, $"{Ms(r.P50)},{Ms(r.P90)},{Ms(r.P99)},{Ms(r.Max)}\n");
        }

        return csv.ToString();
    }

    private static string Ms(double value) => double.IsNaN(value) ? "" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private Bucket At(double second) => _buckets[Math.Clamp((int)second, 0, _buckets.Length - 1)];

    private sealed class Bucket
    {
        public long Offered { get; set; }

        public long Ok { get; set; }

        public long Failed { get; set; }

        public LatencyHistogram Latency { get; } = new();
    }
}

public sealed record SecondRow(int Second, long Offered, long Ok, long Failed, double P50, double P90, double P99, double Max);
