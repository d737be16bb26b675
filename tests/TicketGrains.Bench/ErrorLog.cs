namespace TicketGrains.Bench;

/// <summary>Failed requests of one phase: a count per kind (status code or exception) and the first few bodies.</summary>
public sealed class ErrorLog
{
    private const int SamplesKept = 5;
    private const int SampleLength = 400;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _samples = [];
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Add(string kind, string detail)
    {
        lock (_lock)
        {
            _total++;
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            if (_samples.Count < SamplesKept)
            {
                var shortened = detail.Length <= SampleLength ? detail : detail[..SampleLength] + "…";
                _samples.Add($"{kind}: {shortened.ReplaceLineEndings(" ")}");
            }
        }
    }

    /// <summary>Lines describing the errors, e.g. "503 x 12", then the sampled bodies; empty when there were none.</summary>
    public IReadOnlyList<string> Describe()
    {
        lock (_lock)
        {
            var lines = new List<string>();
            foreach (var (kind, count) in _counts.OrderByDescending(pair => pair.Value))
            {
                lines.Add($"{kind} x {count}");
            }

            lines.AddRange(_samples);
            return lines;
        }
    }
}
