namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// The committed-event source every subscriber on this silo reads through. Subscribers walk the same log close behind
/// each other, and a commit wakes them all at once: each used to read the same headers from PostgreSQL, one statement
/// per subscriber per page. Header pages are now read once per silo and kept (<see cref="HeaderSegment"/>), and
/// subscribers asking for the same page while it is being read wait for that read instead of starting their own.
/// Event data is shared by <see cref="SharedDataReads"/>, which wraps this.
/// </summary>
public sealed class SharedHeaderReads(ICommittedEventSource log, int capacity) : ICommittedEventSource
{
    /// <summary>Headers kept per silo: about a second and a half of a promotion-day peak, some 1.5 MB.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly HeaderSegment _segment = new(capacity);
    private (Checkpoint After, Task<IReadOnlyList<EventHeader>> Read)? _reading;

    public Task<IReadOnlyList<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken) =>
        log.ReadAfterAsync(after, limit, cancellationToken);

    public Task<IReadOnlyList<CommittedEvent>> ReadDataAsync(IReadOnlyList<EventHeader> headers, CancellationToken cancellationToken) =>
        log.ReadDataAsync(headers, cancellationToken);

    public async Task<IReadOnlyList<EventHeader>> ReadHeadersAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<EventHeader>> read;
        lock (_gate)
        {
            if (_segment.TryServe(after, limit, out var cached))
            {
                return cached;
            }

            if (_reading is { } current && current.After == after && !current.Read.IsCompleted)
            {
                read = current.Read;
            }
            else
            {
                // Not linked to this caller's cancellation: others may join the read and must not lose it with the caller.
                read = log.ReadHeadersAfterAsync(after, limit, CancellationToken.None);
                _reading = (after, read);
            }
        }

        var page = await read.WaitAsync(cancellationToken);
        lock (_gate)
        {
            // Whoever gets here first keeps the page (the reader may have been cancelled); a second Add of it changes nothing.
            _segment.Add(after, page);
        }

        return page.Count > limit ? [.. page.Take(limit)] : page;
    }
}
