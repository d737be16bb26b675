namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// The newest stretch of the log's headers a silo has read: every committed event with a key in (<see cref="From"/>,
/// <see cref="To"/>], in order. A page read below the oldest running transaction is final (nothing can commit behind
/// its last key later), so the stretch never goes stale and any subscriber whose checkpoint lies inside it can be
/// served from memory. Not thread-safe: its owner locks.
/// </summary>
public sealed class HeaderSegment(int capacity)
{
    private readonly List<EventHeader> _headers = [];

    public Checkpoint From { get; private set; }

    public Checkpoint To { get; private set; }

    public int Count => _headers.Count;

    /// <summary>Up to <paramref name="limit"/> headers after <paramref name="after"/>, when the stretch holds what follows it.</summary>
    public bool TryServe(Checkpoint after, int limit, out List<EventHeader> page)
    {
        if (_headers.Count == 0 || after < From || after >= To)
        {
            page = [];
            return false;
        }

        var first = FirstAfter(after);
        page = _headers.GetRange(first, Math.Min(limit, _headers.Count - first));
        return true;
    }

    /// <summary>
    /// Takes in a page read from the log after <paramref name="after"/>: appended when it continues the stretch, the new
    /// stretch when it starts past it (the head moved on), ignored when it starts before it (a subscriber lagging behind).
    /// </summary>
    public void Add(Checkpoint after, IReadOnlyList<EventHeader> page)
    {
        if (page.Count == 0)
        {
            return;
        }

        if (_headers.Count == 0 || after > To)
        {
            _headers.Clear();
            From = after;
        }
        else if (after != To)
        {
            return;
        }

        _headers.AddRange(page);
        To = Checkpoint.After(page[^1]);
        var excess = _headers.Count - capacity;
        if (excess > 0)
        {
            From = Checkpoint.After(_headers[excess - 1]);
            _headers.RemoveRange(0, excess);
        }
    }

    private int FirstAfter(Checkpoint after)
    {
        int low = 0, high = _headers.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Checkpoint.After(_headers[middle]) <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
