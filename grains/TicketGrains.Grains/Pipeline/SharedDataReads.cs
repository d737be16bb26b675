namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Event data read once per silo for all its subscribers. Subscribers choose different events of a page, but most
/// events are chosen by several (a created ticket by the live feed, the field reading, the meter, the triggers and the
/// surges), and each used to read its choice from PostgreSQL, which turned the same rows' jsonb into text once per
/// subscriber: about seven event rows read per inbound message at 400 messages a second (docs/benchmarks.md,
/// 2026-12-05). Data already read is served from here; only the rest is read. Events never change once committed, so
/// nothing kept is ever stale; past <paramref name="maxChars"/> (<see cref="PipelineOptions.SharedDataChars"/>) the data
/// read longest ago goes first, and with 0 nothing is kept.
/// </summary>
public sealed class SharedDataReads(ICommittedEventSource log, long maxChars) : ICommittedEventSource
{
    private readonly long _maxChars = maxChars;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, string> _data = [];
    private readonly Queue<long> _readOrder = new();
    private long _chars;

    public Task<LogPage<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken) =>
        log.ReadAfterAsync(after, limit, cancellationToken);

    public Task<LogPage<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken) =>
        log.ReadHeadersAfterAsync(after, limit, cancellationToken);

    public async Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, string>(headers.Count);
        var missing = new List<EventHeader>();
        lock (_gate)
        {
            foreach (var header in headers)
            {
                if (_data.TryGetValue(header.Position, out var data))
                {
                    found[header.Position] = data;
                }
                else
                {
                    missing.Add(header);
                }
            }
        }

        if (missing.Count > 0)
        {
            var read = await log.ReadDataAsync(missing, cancellationToken);
            lock (_gate)
            {
                foreach (var e in read)
                {
                    found[e.Position] = e.Data;
                    Keep(e.Position, e.Data);
                }
            }
        }

        return [.. headers.Select(h => h.With(found[h.Position]))];
    }

    private void Keep(long position, string data)
    {
        if (data.Length > _maxChars || !_data.TryAdd(position, data))
        {
            return;
        }

        _readOrder.Enqueue(position);
        _chars += data.Length;
        while (_chars > _maxChars && _readOrder.TryDequeue(out var oldest))
        {
            if (_data.Remove(oldest, out var dropped))
            {
                _chars -= dropped.Length;
            }
        }
    }
}
