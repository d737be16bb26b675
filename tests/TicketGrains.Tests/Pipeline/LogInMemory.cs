using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Tests.Pipeline;

/// <summary>A committed log in memory, read in pipeline order; can be told to fail its next reads.</summary>
internal sealed class LogInMemory : ICommittedEventSource
{
    private readonly List<CommittedEvent> _events = [];

    /// <summary>A log of events at positions 1 to <paramref name="count"/>, each its own transaction (11, 12, ...).</summary>
    public static LogInMemory WithEvents(int count)
    {
        var log = new LogInMemory();
        for (var position = 1; position <= count; position++)
        {
            log.Append(10 + (ulong)position, position);
        }

        return log;
    }

    public int FailNextReads { get; set; }

    /// <summary>
    /// A transaction still running, as PostgreSQL's oldest: events of this and later transactions are committed but
    /// held back from reads (the page says so), as the real source does below pg_snapshot_xmin.
    /// </summary>
    public ulong? Running { get; set; }

    public List<Checkpoint> ReadsAfter { get; } = [];

    /// <summary>The positions whose data was asked for by <see cref="ReadDataAsync"/>, one array per call.</summary>
    public List<long[]> DataReads { get; } = [];

    public CommittedEvent Append(ulong transaction, long position, string stream = "ticket-1", int version = 1, string tenant = "shop-1")
    {
        var committed = new CommittedEvent(transaction, position, tenant, stream, version, "TicketCreated", $"{{\"position\":{position}}}", DateTimeOffset.UnixEpoch);
        _events.Add(committed);
        return committed;
    }

    public Task<LogPage<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        ReadsAfter.Add(after);
        if (FailNextReads > 0)
        {
            FailNextReads--;
            throw new InvalidOperationException("database unreachable");
        }

        var following = _events.Where(e => Checkpoint.After(e) > after).OrderBy(Checkpoint.After).ToList();
        List<CommittedEvent> page = [.. following.TakeWhile(e => e.TransactionId < (Running ?? ulong.MaxValue)).Take(limit)];
        return Task.FromResult(new LogPage<CommittedEvent>(page, page.Count < limit && page.Count < following.Count));
    }

    public async Task<LogPage<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        var page = await ReadAfterAsync(after, limit, cancellationToken);
        return new LogPage<EventHeader>(
            [.. page.Select(e => new EventHeader(e.TransactionId, e.Position, e.TenantId, e.StreamId, e.Version, e.EventType, e.RecordedAt))],
            page.ShortOfHead);
    }

    public Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken)
    {
        DataReads.Add([.. headers.Select(h => h.Position)]);
        IReadOnlyList<CommittedEvent> events = [.. headers.Select(h => _events.Single(e => e.Position == h.Position))];
        return Task.FromResult(events);
    }
}
