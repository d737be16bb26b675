using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Live;

/// <summary>
/// Each tenant's last feed-stream event, remembered while the live feed's pages are handled back to back on this silo,
/// so that a page's batches name their predecessors (<see cref="TicketChangeBatch.Previous"/>) without reading
/// tg_events: that read was one statement per page, most of its cost planning over every partition of the log.
/// Whatever is in doubt is left to the read: the first page, a page that does not start where the last completed one
/// ended (the subscriber ran on another silo meanwhile, a failed page is repeated, a crash repeats pages), and a tenant
/// nobody listened to for a page (its events were passed over unread). Not for concurrent use: one subscriber's pump
/// hands it one page at a time.
/// </summary>
public sealed class FeedPredecessors
{
    private readonly Dictionary<string, LogKey> _last = new(StringComparer.Ordinal);
    private Checkpoint? _completedThrough;
    private Checkpoint _pageEnd;

    /// <summary>
    /// A page after <paramref name="from"/> (null: unknown) up to <paramref name="end"/> was read; of its events, those of
    /// the tenants <paramref name="listened"/> names are handed over, and <paramref name="handsOver"/> says whether there
    /// are any (a page with none is complete now).
    /// </summary>
    public void PageRead(Checkpoint? from, Checkpoint end, Func<string, bool> listened, bool handsOver)
    {
        if (from is null || _completedThrough != from)
        {
            _last.Clear();
        }
        else
        {
            foreach (var tenant in _last.Keys.Where(t => !listened(t)).ToList())
            {
                _last.Remove(tenant);
            }
        }

        _pageEnd = end;
        _completedThrough = handsOver ? null : end;
    }

    /// <summary>
    /// For each tenant of <paramref name="firstChanges"/>, the key of its last feed-stream event before its first change
    /// in the page: the latest of its <paramref name="events"/> before that change, else the remembered one. Tenants
    /// with neither are returned as unknown, for the log to answer.
    /// </summary>
    public (Dictionary<string, LogKey> Known, List<string> Unknown) Before(
        IReadOnlyDictionary<string, LogKey> firstChanges, IReadOnlyList<CommittedEvent> events)
    {
        var known = new Dictionary<string, LogKey>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var key = new LogKey(e.TransactionId, e.Position);
            if (firstChanges.TryGetValue(e.TenantId, out var first) && key < first
                && (!known.TryGetValue(e.TenantId, out var latest) || latest < key))
            {
                known[e.TenantId] = key;
            }
        }

        var unknown = new List<string>();
        foreach (var (tenant, first) in firstChanges)
        {
            if (known.ContainsKey(tenant))
            {
                continue;
            }

            if (_last.TryGetValue(tenant, out var remembered) && remembered < first)
            {
                known[tenant] = remembered;
            }
            else
            {
                unknown.Add(tenant);
            }
        }

        return (known, unknown);
    }

    /// <summary>The page's <paramref name="events"/> (all it handed over) were published: the page is complete.</summary>
    public void Handled(IReadOnlyList<CommittedEvent> events)
    {
        foreach (var e in events)
        {
            var key = new LogKey(e.TransactionId, e.Position);
            if (!_last.TryGetValue(e.TenantId, out var latest) || latest < key)
            {
                _last[e.TenantId] = key;
            }
        }

        _completedThrough = _pageEnd;
    }
}
