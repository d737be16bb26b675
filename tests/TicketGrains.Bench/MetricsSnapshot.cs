using System.Globalization;

namespace TicketGrains.Bench;

/// <summary>
/// One scrape of a silo's /metrics (Prometheus text), kept as sample line → value, so two scrapes taken at the edges of
/// a measured window give what happened inside it: a histogram's buckets, a counter's increase.
/// </summary>
public sealed class MetricsSnapshot
{
    private readonly Dictionary<string, double> _samples;

    private MetricsSnapshot(Dictionary<string, double> samples) => _samples = samples;

    public static async Task<MetricsSnapshot> ScrapeAsync(HttpClient http, Uri silo)
    {
        var text = await http.GetStringAsync(new Uri(silo, "/metrics"));
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // "name{labels} value [timestamp]": label values may hold spaces, so the value follows the closing brace.
            var end = line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : line.IndexOf(' ');
            var fields = line[end..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (end > 0 && fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples[line[..end]] = value;
            }
        }

        return new MetricsSnapshot(samples);
    }

    /// <summary>The increase since <paramref name="before"/> of every sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>, summed.</summary>
    public double IncreaseSince(MetricsSnapshot before, string metric, string label = "") =>
        Matching(metric, label).Sum(s => s.Value - before._samples.GetValueOrDefault(s.Key));

    /// <summary>
    /// A quantile of a histogram over the window since <paramref name="before"/>, as the upper bound of the bucket it
    /// falls in (so it over-states by at most one bucket's width), and the count; null when nothing was recorded.
    /// </summary>
    public (double UpperBoundSeconds, long Count)? Quantile(MetricsSnapshot before, string histogram, string label, double quantile)
    {
        var buckets = Matching(histogram + "_bucket", label)
            .Select(s => (Le: UpperBound(s.Key), Count: s.Value - before._samples.GetValueOrDefault(s.Key)))
            .GroupBy(b => b.Le, b => b.Count)
            .Select(g => (Le: g.Key, Count: g.Sum()))
            .OrderBy(b => b.Le)
            .ToList();
        var total = buckets.Count > 0 ? buckets[^1].Count : 0;
        if (total <= 0)
        {
            return null;
        }

        var wanted = quantile * total;
        return (buckets.First(b => b.Count >= wanted).Le, (long)total);
    }

    private IEnumerable<KeyValuePair<string, double>> Matching(string metric, string label) =>
        _samples.Where(s => s.Key.StartsWith(metric, StringComparison.Ordinal) && s.Key.Length > metric.Length
            && s.Key[metric.Length] is '{' or ' ' && s.Key.Contains(label, StringComparison.Ordinal));

    private static double UpperBound(string sample)
    {
        var start = sample.IndexOf("le=\"", StringComparison.Ordinal) + 4;
        var text = sample[start..sample.IndexOf('"', start)];
        return text == "+Inf" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
    }
}
