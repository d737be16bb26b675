namespace TicketGrains.Grains.Tickets;

/// <summary>
/// The newest log version a grain (a queue, a customer) has heard of for each ticket lately, so it can tell a stale
/// message from a current one. Tickets tell their queue of changes with one-way calls, and Orleans does not keep the
/// order of messages:
/// a "remove" sent when an agent claimed a ticket can arrive after the "enqueue" sent when the claim was returned a
/// moment later, and would take a waiting ticket out of memory (it would wait, unseen, until the queue next runs dry
/// and re-reads the read model); a late "enqueue" from before a claim would put a claimed ticket back. Each message
/// carries the ticket's version, and one older than the newest heard of is ignored. Version 0 means unknown: always
/// admitted. A queue forgets entries after <see cref="Memory"/>, far longer than messages are ever late; a customer,
/// whose tickets are few, keeps them while it is active.
/// </summary>
public sealed class TicketVersions
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(2);

    private readonly Dictionary<Guid, (int Version, DateTimeOffset HeardAt)> _newest = [];

    public int Count => _newest.Count;

    /// <summary>Whether a message at <paramref name="version"/> is current; if so it becomes the newest heard of.</summary>
    public bool Admit(Guid ticketId, int version, DateTimeOffset now)
    {
        if (version <= 0)
        {
            return true;
        }

        if (_newest.TryGetValue(ticketId, out var known) && known.Version > version)
        {
            return false;
        }

        _newest[ticketId] = (version, now);
        return true;
    }

    /// <summary>Whether a ticket at <paramref name="version"/> (read from the read model) is no older than what was heard.</summary>
    public bool IsCurrent(Guid ticketId, int version) =>
        version <= 0 || !_newest.TryGetValue(ticketId, out var known) || known.Version <= version;

    public void ForgetOlderThan(DateTimeOffset cutoff)
    {
        foreach (var stale in _newest.Where(kv => kv.Value.HeardAt < cutoff).Select(kv => kv.Key).ToList())
        {
            _newest.Remove(stale);
        }
    }
}
