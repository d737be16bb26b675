using System.Diagnostics;
using System.Numerics;

namespace TicketGrains.Bench;

/// <summary>
/// Log-linear latency histogram in microseconds: exact below 128 µs, then 128 buckets per power of two
/// (under 1% error), so recording is an increment and percentiles need no sorting. Not thread-safe:
/// each worker owns one and they are merged after the run, which keeps the load generator cheap.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Powers = 40 - SubBucketBits; // up to 2^40 µs, far beyond any timeout
    private readonly long[] _counts = new long[SubBuckets + (Powers * SubBuckets)];

    public long Count { get; private set; }

    public void RecordSince(long startTimestamp) => RecordSince(startTimestamp, Stopwatch.GetTimestamp());

    public void RecordSince(long startTimestamp, long endTimestamp) =>
        Record(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).Ticks / TimeSpan.TicksPerMicrosecond);

    public void Record(long microseconds)
    {
        _counts[IndexOf(Math.Max(0, microseconds))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The latency at or below which the given fraction of samples fall, in milliseconds; NaN when empty.</summary>
    public double PercentileMs(double fraction)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return MidpointOf(i) / 1000.0;
            }
        }

        return MidpointOf(_counts.Length - 1) / 1000.0;
    }

    /// <summary>How many samples lie above <paramref name="milliseconds"/> (by their bucket's midpoint, as percentiles are read).</summary>
    public long CountAbove(double milliseconds)
    {
        long above = 0;
        for (var i = _counts.Length - 1; i >= 0 && MidpointOf(i) / 1000.0 > milliseconds; i--)
        {
            above += _counts[i];
        }

        return above;
    }

    private static int IndexOf(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var power = Math.Min(63 - BitOperations.LeadingZeroCount((ulong)value), Powers + SubBucketBits - 1);
        var shift = power - SubBucketBits;
        var sub = (int)Math.Min((value >> shift) - SubBuckets, SubBuckets - 1);
        return SubBuckets + (shift * SubBuckets) + sub;
    }

    private static double MidpointOf(int index)
    {
        if (index < SubBuckets)
        {
            return index;
        }

        var shift = (index - SubBuckets) / SubBuckets;
        var sub = (index - SubBuckets) % SubBuckets;
        var low = (long)(SubBuckets + sub) << shift;
        return low + (((1L << shift) - 1) / 2.0);
    }
}
