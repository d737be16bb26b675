namespace TicketGrains.Grains.Live;

/// <summary>
/// The live feed's audience as front ends reported it: per front end, its tenants until its lease runs out. The list
/// is kept in memory only, so for one lease after it was (re)created it cannot know whom it is missing and answers
/// "everyone": by then every front end still alive has reported again.
/// </summary>
public sealed class AudienceLeases(TimeProvider time, TimeSpan lease)
{
    private readonly DateTimeOffset _createdAt = time.GetUtcNow();
    private readonly Dictionary<string, (string[] Tenants, DateTimeOffset Until)> _reports = new(StringComparer.Ordinal);

    public void Report(string frontEnd, IEnumerable<string> tenants)
    {
        var now = time.GetUtcNow();
        _reports[frontEnd] = ([.. tenants.Distinct(StringComparer.Ordinal)], now + lease);
        foreach (var expired in _reports.Where(r => r.Value.Until <= now).Select(r => r.Key).ToList())
        {
            _reports.Remove(expired);
        }
    }

    /// <summary>True until one lease has passed since the list was created.</summary>
    public bool MayBeIncomplete => time.GetUtcNow() < _createdAt + lease;

    /// <summary>The tenants of every report still within its lease, in name order.</summary>
    public IReadOnlyList<string> Tenants()
    {
        var now = time.GetUtcNow();
        return [.. _reports.Values.Where(r => r.Until > now).SelectMany(r => r.Tenants).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
