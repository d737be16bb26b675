namespace TicketGrains.Grains.Tickets;

/// <summary>
/// The newest log version a grain (a queue, a customer) has heard of for each ticket lately, so it can tell a stale
/// message from a current one. Tickets tell their queue and their customer of changes with one-way calls, and Orleans
/// does not keep the order of messages: a "remove" sent when an agent claimed a ticket can arrive after the "enqueue"
/// sent when the claim was returned a moment later, and would take a waiting ticket out of memory (it would wait,
/// unseen, until the queue next runs dry and re-reads the read model); a late "enqueue" from before a claim would put a
/// claimed ticket back. Each message carries the ticket's version, and one older than the newest heard of is ignored.
/// Version 0 means unknown: always admitted.
/// <para>
/// What was heard is kept in two generations that change places every <see cref="Memory"/>, so an entry lives between
/// one and two of them (far longer than a message is ever late) without a sweep over the entries.
/// </para>
/// </summary>
public sealed class TicketVersions
{
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(2);

    private Dictionary<Guid, int> _recent = [];
    private Dictionary<Guid, int> _older = [];
    private DateTimeOffset? _recentSince;

    /// <summary>Whether a message at <paramref name="version"/> is current; if so it becomes the newest heard of.</summary>
    public bool Admit(Guid ticketId, int version, DateTimeOffset now)
    {
        if (version <= 0)
        {
            return true;
        }

        Age(now);
        if (Newest(ticketId) > version)
        {
            return false;
        }

        _recent[ticketId] = version;
        return true;
    }

    /// <summary>Whether a ticket at <paramref name="version"/> (read from the read model) is no older than what was heard.</summary>
    public bool IsCurrent(Guid ticketId, int version) => version <= 0 || Newest(ticketId) <= version;

    // The recent generation only ever takes a version at least as new as the older one holds, so it is asked first.
    private int Newest(Guid ticketId) =>
        _recent.TryGetValue(ticketId, out var recent) ? recent : _older.GetValueOrDefault(ticketId);

    private void Age(DateTimeOffset now)
    {
        _recentSince ??= now;
        var age = now - _recentSince.Value;
        if (age < Memory)
        {
            return;
        }

        // After a quiet spell of two generations, nothing heard is recent enough to keep.
        _older = age < 2 * Memory ? _recent : [];
        _recent = [];
        _recentSince = now;
    }
}
