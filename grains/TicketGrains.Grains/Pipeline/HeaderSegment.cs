namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// The newest stretch of the log's headers a silo has read: every committed event with a key in (<see cref="From"/>,
/// <see cref="To"/>], in order. A page read below the oldest running transaction is final (nothing can commit behind
/// its last key later), so the stretch never goes stale and any subscriber whose checkpoint lies inside it can be
/// served from memory. A page served up to its end falls short of the head (<see cref="LogPage{T}.ShortOfHead"/>) when the
/// latest read at that end said so, or when commits woke the silo after that read started: the subscriber has not seen
/// the head of the log and should look again soon. Not thread-safe: its owner locks.
/// </summary>
public sealed class HeaderSegment(int capacity)
{
    private readonly List<EventHeader> _headers = [];
    private bool _shortOfHeadAfter;

    /// <summary>The silo's wake-up count when the read that reached <see cref="To"/> started (<see cref="PipelineWakeup.WakeUps"/>).</summary>
    private long _endReadAt;

    public Checkpoint From { get; private set; }

    public Checkpoint To { get; private set; }

    public int Count => _headers.Count;

    /// <summary>
    /// Up to <paramref name="limit"/> headers after <paramref name="after"/>, when the stretch holds what follows it;
    /// <paramref name="wakeUps"/> is the silo's wake-up count now.
    /// </summary>
    public bool TryServe(Checkpoint after, int limit, long wakeUps, out LogPage<EventHeader> page)
    {
        if (_headers.Count == 0 || after < From || after >= To)
        {
            page = LogPage<EventHeader>.Empty;
            return false;
        }

        var first = FirstAfter(after);
        var toEnd = _headers.Count - first;
        page = toEnd <= limit
            ? new LogPage<EventHeader>(_headers.GetRange(first, toEnd), _shortOfHeadAfter || wakeUps != _endReadAt)
            : new LogPage<EventHeader>(_headers.GetRange(first, limit), shortOfHead: false);
        return true;
    }

    /// <summary>
    /// Takes in a page read from the log after <paramref name="after"/> by a read that started at wake-up count
    /// <paramref name="readAt"/>: appended when it continues the stretch, the new stretch when it starts past it (the
    /// head moved on), ignored when it starts before it (a subscriber lagging behind). An empty page read at the end
    /// brings what is known of the log after it up to date.
    /// </summary>
    public void Add(Checkpoint after, LogPage<EventHeader> page, long readAt)
    {
        if (page.Count == 0)
        {
            if (_headers.Count > 0 && after == To && readAt >= _endReadAt)
            {
                (_shortOfHeadAfter, _endReadAt) = (page.ShortOfHead, readAt);
            }

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
        (_shortOfHeadAfter, _endReadAt) = (page.ShortOfHead, readAt);
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
