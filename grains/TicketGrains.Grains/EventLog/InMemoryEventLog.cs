using System.Collections.Concurrent;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.OrderEvents;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// The event log in memory, for fast grain tests only (the product and integration tests use
/// PostgreSQL). It keeps the same contract: a repeated version is a conflict.
/// </summary>
public sealed class InMemoryEventLog(InMemoryOrderTicketIndex orders) : IEventLog
{
    private readonly ConcurrentDictionary<(string, string), List<StoredEvent>> _streams = new();
    private readonly ConcurrentDictionary<(string, string), (int, string)> _snapshots = new();
    private readonly ConcurrentDictionary<(string, string), int> _streamReads = new();
    private readonly ConcurrentDictionary<(string, Guid), ConcurrentQueue<string>> _orderFilings = new();

    /// <summary>How often a stream was read: a test of what a grain serves from memory counts the reads it saved.</summary>
    public int StreamReadsOf(string tenantId, string streamId) => _streamReads.GetValueOrDefault((tenantId, streamId));

    /// <summary>
    /// The order numbers appends filed a ticket under, one entry per append that carried one: a test of what an event
    /// files sees repeats the index itself would swallow.
    /// </summary>
    public IReadOnlyList<string> OrderNumbersFiled(string tenantId, Guid ticketId) =>
        _orderFilings.TryGetValue((tenantId, ticketId), out var filed) ? [.. filed] : [];

    /// <summary>Read-model rows by tenant and ticket, as the PostgreSQL statement would leave them.</summary>
    public ConcurrentDictionary<(string, Guid), TicketSummary> Rows { get; } = new();

    public Task AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = _streams.GetOrAdd((request.TenantId, request.StreamId), _ => []);
        lock (stream)
        {
            if (stream.Count + 1 != request.Version)
            {
                throw new ConflictException($"Version {request.Version} of {request.StreamId} already exists.");
            }

            stream.Add(new StoredEvent(request.Version, request.EventType, request.Json, DateTimeOffset.UtcNow));
        }

        if (request.Row is { } row)
        {
            Rows[(request.TenantId, row.TicketId)] = new TicketSummary(request.Version, row);
            if (request.OrderNo is { } orderNo)
            {
                orders.Add(request.TenantId, orderNo, row.TicketId);
                _orderFilings.GetOrAdd((request.TenantId, row.TicketId), _ => new()).Enqueue(orderNo);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string tenantId, string streamId, int afterVersion)
    {
        _streamReads.AddOrUpdate((tenantId, streamId), 1, (_, reads) => reads + 1);
        if (!_streams.TryGetValue((tenantId, streamId), out var stream))
        {
            return Task.FromResult<IReadOnlyList<StoredEvent>>([]);
        }

        lock (stream)
        {
            return Task.FromResult<IReadOnlyList<StoredEvent>>(stream.Where(e => e.Version > afterVersion).ToList());
        }
    }

    public Task<(int Version, string Json)?> ReadSnapshotAsync(string tenantId, string streamId) =>
        Task.FromResult(_snapshots.TryGetValue((tenantId, streamId), out var s) ? s : ((int, string)?)null);

    public Task SaveSnapshotAsync(string tenantId, string streamId, int version, string json)
    {
        _snapshots[(tenantId, streamId)] = (version, json);
        return Task.CompletedTask;
    }
}
