using System.Threading.Channels;
using Npgsql;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Audit;

/// <summary>
/// Appends audit entries with group commit: callers queue their event and wait; one loop takes whatever has gathered
/// and commits it in one transaction (insert every entry, move the tenants' chain heads). A caller's task completes
/// only after that commit, and a failed commit fails every caller in the batch, so no acknowledged request loses its
/// entry silently. Several processes can extend one tenant's chain: the primary key (tenant, seq) refuses a second
/// entry at the same place, and a writer that finds its heads moved reads them again under lock.
/// </summary>
public sealed class AuditWriter : IAuditTrail, IAsyncDisposable
{
    private const int MaxBatch = 1000;

    /// <summary>Batches that read the heads under lock after a conflict with another writer, before trying the fast path again.</summary>
    private const int LockedBatchesAfterConflict = 64;

    private readonly Channel<(AuditEvent Event, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(AuditEvent, TaskCompletionSource)>();
    private readonly NpgsqlDataSource _database;
    private readonly ILogger<AuditWriter> _logger;
    private readonly Task _loop;

    /// <summary>The heads this writer last committed, per tenant; only the one writing loop touches it.</summary>
    private readonly Dictionary<string, ChainHead> _knownHeads = new(StringComparer.Ordinal);
    private int _lockedBatchesLeft;

    public AuditWriter(NpgsqlDataSource database, ILogger<AuditWriter> logger)
    {
        (_database, _logger) = (database, logger);
        _loop = Task.Run(RunAsync);
    }

    public Task RecordAsync(AuditEvent auditEvent)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((auditEvent, done)) ? done.Task : throw new StorageUnavailableException("The audit writer is shutting down.");
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<(AuditEvent Event, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await CommitAsync(batch.Select(b => b.Event).ToList());
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Audit batch of {Count} failed", batch.Count);
                var error = StorageErrors.Translate(e);
                batch.ForEach(b => b.Done.TrySetException(error));
            }

            batch.Clear();
        }
    }

    private async Task CommitAsync(List<AuditEvent> events)
    {
        var tenants = events.Select(e => e.Tenant).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (_lockedBatchesLeft > 0)
        {
            _lockedBatchesLeft--;
        }
        else if (tenants.All(_knownHeads.ContainsKey))
        {
            try
            {
                await AppendAtKnownHeadsAsync(events, tenants);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another process extended one of these chains since this writer last did; nothing was written.
                // While others write too, reading the heads under lock first is cheaper than failing again.
                _lockedBatchesLeft = LockedBatchesAfterConflict;
            }
        }

        await AppendUnderLockAsync(events, tenants);
    }

    /// <summary>
    /// One round trip: lock the heads (in name order, as the locked path does, so the two never deadlock), insert the
    /// entries chained from the heads this writer last committed, move the heads; one batch, which PostgreSQL runs as
    /// one implicit transaction. If another writer moved a head since, the first entry's (tenant, seq) already exists
    /// and the whole batch fails on the primary key, so a chain never forks.
    /// </summary>
    private async Task AppendAtKnownHeadsAsync(List<AuditEvent> events, string[] tenants)
    {
        await using var connection = await _database.OpenConnectionAsync();
        var heads = tenants.ToDictionary(t => t, t => _knownHeads[t], StringComparer.Ordinal);
        await WriteAsync(connection, events, heads, AuditWriteCommands.LockExistingHeads(tenants));
        Remember(heads);
    }

    /// <summary>Reads and locks the heads first: for tenants this writer has not written yet, and after a conflict.</summary>
    private async Task AppendUnderLockAsync(List<AuditEvent> events, string[] tenants)
    {
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var heads = await LockHeadsAsync(connection, tenants);
        await WriteAsync(connection, events, heads, lockFirst: null);
        await transaction.CommitAsync();
        Remember(heads);
    }

    private static async Task WriteAsync(NpgsqlConnection connection, List<AuditEvent> events, Dictionary<string, ChainHead> heads, NpgsqlBatchCommand? lockFirst)
    {
        var entries = new List<AuditEntry>(events.Count);
        foreach (var e in events)
        {
            var head = heads[e.Tenant];
            var entry = AuditChain.Append(head.Sequence, head.Hash, e);
            heads[e.Tenant] = new ChainHead(entry.Sequence, entry.Hash);
            entries.Add(entry);
        }

        await using var write = new NpgsqlBatch(connection);
        if (lockFirst is not null)
        {
            write.BatchCommands.Add(lockFirst);
        }

        write.BatchCommands.Add(AuditWriteCommands.Insert(entries));
        write.BatchCommands.Add(AuditWriteCommands.MoveHeads(heads));
        await write.ExecuteNonQueryAsync();
    }

    private void Remember(Dictionary<string, ChainHead> committed)
    {
        foreach (var (tenant, head) in committed)
        {
            _knownHeads[tenant] = head;
        }
    }

    /// <summary>Each tenant's head, locked until commit; in name order, so writers never deadlock.</summary>
    private static async Task<Dictionary<string, ChainHead>> LockHeadsAsync(NpgsqlConnection connection, string[] tenants)
    {
        await using var batch = AuditWriteCommands.LockHeads(connection, tenants);
        var heads = new Dictionary<string, ChainHead>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            // Only the SELECT returns rows; walking every result does not depend on how the INSERT's is reported.
            while (await reader.ReadAsync())
            {
                heads[reader.GetString(0)] = new ChainHead(reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
            }
        }
        while (await reader.NextResultAsync());

        return heads;
    }
}
