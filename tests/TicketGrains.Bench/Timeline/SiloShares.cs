using System.Globalization;
using System.Text;

namespace TicketGrains.Bench.Timeline;

/// <summary>
/// Once a second, every silo's /metrics: tickets created there so far (ticketgrains_tickets_created_total, summed over
/// its labels) and its grain activations (orleans_catalog_activations). A silo that does not answer has no value that
/// second. Per-second creates per silo show when a joined silo carries its share and when a leaving one stops.
/// </summary>
public sealed class SiloShares(IReadOnlyList<Uri> silos)
{
    private const string CreatedMetric = "ticketgrains_tickets_created_total";
    private const string ActivationsMetric = "orleans_catalog_activations";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly List<(int Second, double?[] Created, double?[] Activations)> _samples = [];

    public async Task RunAsync(int seconds, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(800) };
        using var ticks = new PeriodicTimer(Interval);
        for (var second = 0; second <= seconds && !cancellationToken.IsCancellationRequested; second++)
        {
            var samples = await Task.WhenAll(silos.Select(silo => SampleAsync(http, silo, cancellationToken)));
            _samples.Add((second, [.. samples.Select(s => s.Created)], [.. samples.Select(s => s.Activations)]));
            await ticks.WaitForNextTickAsync(cancellationToken);
        }
    }

    /// <summary>second, then per silo: creates in that second and activations at its end (empty while the silo is down).</summary>
    public string Csv()
    {
        var csv = new StringBuilder("second");
        for (var i = 0; i < silos.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $",creates_{i + 1},activations_{i + 1}");
        }

        csv.Append('\n');
        for (var row = 0; row < _samples.Count; row++)
        {
            csv.Append(_samples[row].Second.ToString(CultureInfo.InvariantCulture));
            for (var silo = 0; silo < silos.Count; silo++)
            {
                var (now, before) = (_samples[row].Created[silo], row > 0 ? _samples[row - 1].Created[silo] : null);
                var created = now is { } n && before is { } b && n >= b ? (n - b).ToString(CultureInfo.InvariantCulture) : "";
                csv.Append(CultureInfo.InvariantCulture, $",{created},{_samples[row].Activations[silo]}");
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static async Task<(double? Created, double? Activations)> SampleAsync(HttpClient http, Uri silo, CancellationToken cancellationToken)
    {
        try
        {
            var text = await http.GetStringAsync(new Uri(silo, "metrics"), cancellationToken);
            return (Sum(text, CreatedMetric) ?? 0, Sum(text, ActivationsMetric));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, null);
        }
    }

    /// <summary>The sum of a metric's samples over all its label sets; null when the exposition has none.</summary>
    private static double? Sum(string exposition, string metric)
    {
        double? sum = null;
        foreach (var line in exposition.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith(metric) || line.Length <= metric.Length || line[metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            // "name{labels} value [timestamp]": the value is the first field after the label set.
            var rest = line[(line[metric.Length] == '{' ? line.IndexOf("} ") + 2 : metric.Length + 1)..].Trim();
            var end = rest.IndexOf(' ');
            if (double.TryParse(end < 0 ? rest : rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sum = (sum ?? 0) + value;
            }
        }

        return sum;
    }
}
