using System.Globalization;
using System.Text;
using TicketGrains.Grains.AutoFill.Fields;

namespace TicketGrains.Bench.Ocr;

/// <summary>Exact matches per field, overall and per theme, and the OCR times, of one OCR bench run.</summary>
public sealed class OcrScore
{
    private readonly Dictionary<(string Group, string Field), int> _hits = [];
    private readonly Dictionary<string, int> _items = [];
    private readonly List<double> _milliseconds = [];

    /// <summary>Counts one screenshot; returns the fields it missed.</summary>
    public IReadOnlyList<string> Add(ScreenshotStyle style, IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> found, TimeSpan ocr)
    {
        _milliseconds.Add(ocr.TotalMilliseconds);
        var misses = new List<string>();
        foreach (var group in new[] { "all", style.Theme })
        {
            _items[group] = _items.GetValueOrDefault(group) + 1;
            foreach (var field in FieldNames.All)
            {
                var hit = found.GetValueOrDefault(field) == expected[field];
                _hits[(group, field)] = _hits.GetValueOrDefault((group, field)) + (hit ? 1 : 0);
                if (!hit && group == "all")
                {
                    misses.Add(field);
                }
            }
        }

        return misses;
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("| screenshots | items | " + string.Join(" | ", FieldNames.All) + " |");
        text.AppendLine("| --- | ---: |" + string.Concat(FieldNames.All.Select(_ => " ---: |")));
        foreach (var group in new[] { "all", "light", "dark" }.Where(_items.ContainsKey))
        {
            var items = _items[group];
            text.AppendLine($"| {group} | {items} | " + string.Join(" | ", FieldNames.All.Select(f =>
                (100.0 * _hits.GetValueOrDefault((group, f)) / items).ToString("0", CultureInfo.InvariantCulture) + " %")) + " |");
        }

        var sorted = _milliseconds.Order().ToList();
        text.Append(CultureInfo.InvariantCulture, $"OCR time per item (preparation + tesseract): p50 {Percentile(sorted, 0.5):0} ms, p99 {Percentile(sorted, 0.99):0} ms, max {sorted[^1]:0} ms");
        return text.ToString();
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
