namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// The committed-event source every subscriber on this silo reads through. Subscribers walk the same log close behind
/// each other, and a commit wakes them all at once: each used to read the same headers from PostgreSQL, one statement
/// per subscriber per page. Header pages are now read once per silo and kept (<see cref="HeaderSegment"/>), and
/// subscribers asking for the same page while it is being read wait for that read instead of starting their own.
/// Event data is shared by <see cref="SharedDataReads"/>, which wraps this.
/// A read is joined, and the kept stretch served as the head of the log, only while no commit woke the silo since that
/// read started (<paramref name="wakeUps"/>, the silo's <see cref="PipelineWakeup.WakeUps"/>): a subscriber woken by a
/// commit that an earlier read could not see would otherwise take that read's page as the head and sleep until its
/// next poll.
/// </summary>
public sealed class SharedHeaderReads(ICommittedEventSource log, int capacity, Func<long>? wakeUps = null) : ICommittedEventSource
{
    /// <summary>Headers kept per silo: about a second and a half of a promotion-day peak, some 1.5 MB.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Func<long> _wakeUps = wakeUps ?? (static () => 0);
    private readonly Lock _gate = new();
    private readonly HeaderSegment _segment = new(capacity);
    private (Checkpoint After, Task<LogPage<EventHeader>> Read, long StartedAt)? _reading;

    public Task<LogPage<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken) =>
        log.ReadAfterAsync(after, limit, cancellationToken);

    public Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken) =>
        log.ReadDataAsync(headers, cancellationToken);

    public async Task<LogPage<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        Task<LogPage<EventHeader>> read;
        long startedAt;
        lock (_gate)
        {
            var now = _wakeUps();
            if (_segment.TryServe(after, limit, now, out var cached))
            {
                return cached;
            }

            if (_reading is { } current && current.After == after && !current.Read.IsCompleted && current.StartedAt == now)
            {
                (read, startedAt) = (current.Read, current.StartedAt);
            }
            else
            {
                // Not linked to this caller's cancellation: others may join the read and must not lose it with the caller.
                read = log.ReadHeadersAfterAsync(after, limit, CancellationToken.None);
                (_reading, startedAt) = ((after, read, now), now);
            }
        }

        var page = await read.WaitAsync(cancellationToken);
        lock (_gate)
        {
            // Whoever gets here first keeps the page (the reader may have been cancelled); a second Add of it changes nothing.
            _segment.Add(after, page, startedAt);
        }

        // A joined read may have asked for more; cut short, the page is followed at once and says nothing held back.
        return page.Count > limit ? new LogPage<EventHeader>([.. page.Take(limit)], shortOfHead: false) : page;
    }
}
