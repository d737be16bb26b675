using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Persistence;

namespace TicketGrains.Api.Audit;

/// <summary>
/// Appends audit entries with group commit: callers queue their event and wait; one loop takes whatever has gathered
/// and commits it in one transaction (lock the tenants' chain heads, insert every entry, move the heads). A caller's
/// task completes only after that commit, and a failed commit fails every caller in the batch, so no acknowledged
/// request loses its entry silently. Locking the heads lets several processes extend one tenant's chain.
/// </summary>
public sealed class AuditWriter : IAuditTrail, IAsyncDisposable
{
    private const int MaxBatch = 1000;

    private readonly Channel<(AuditEvent Event, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(AuditEvent, TaskCompletionSource)>();
    private readonly NpgsqlDataSource _database;
    private readonly ILogger<AuditWriter> _logger;
    private readonly Task _loop;

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
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var tenants = events.Select(e => e.Tenant).Distinct().Order(StringComparer.Ordinal).ToArray();
        var heads = await LockHeadsAsync(connection, tenants);
        var entries = new List<AuditEntry>(events.Count);
        foreach (var e in events)
        {
            var (sequence, hash) = heads[e.Tenant];
            var entry = AuditChain.Append(sequence, hash, e);
            heads[e.Tenant] = (entry.Sequence, entry.Hash);
            entries.Add(entry);
        }

        await using var write = new NpgsqlBatch(connection)
        {
            BatchCommands = { InsertCommand(entries), MoveHeadsCommand(heads) },
        };
        await write.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Each tenant's (sequence, hash) at the end of its chain, locked until commit; in name order, so writers never deadlock.</summary>
    private static async Task<Dictionary<string, (long, byte[])>> LockHeadsAsync(NpgsqlConnection connection, string[] tenants)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO tg_audit_heads (tenant_id, seq, hash) SELECT t, 0, $2 FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING")
                {
                    Parameters = { new() { Value = tenants }, new() { Value = AuditChain.Genesis } },
                },
                new NpgsqlBatchCommand("SELECT tenant_id, seq, hash FROM tg_audit_heads WHERE tenant_id = ANY($1) ORDER BY tenant_id FOR UPDATE")
                {
                    Parameters = { new() { Value = tenants } },
                },
            },
        };
        var heads = new Dictionary<string, (long, byte[])>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            // Only the SELECT returns rows; walking every result does not depend on how the INSERT's is reported.
            while (await reader.ReadAsync())
            {
                heads[reader.GetString(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
            }
        }
        while (await reader.NextResultAsync());

        return heads;
    }

    private static NpgsqlBatchCommand InsertCommand(List<AuditEntry> entries) => new("""
        INSERT INTO tg_audit_log (tenant_id, seq, at, actor, action, target, client_address, detail, prev_hash, hash)
        SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bytea[], $10::bytea[])
        """)
    {
        Parameters =
        {
            new() { Value = entries.Select(e => e.Event.Tenant).ToArray() },
            new() { Value = entries.Select(e => e.Sequence).ToArray() },
            new() { Value = entries.Select(e => e.Event.At).ToArray() },
            new() { Value = entries.Select(e => e.Event.Actor).ToArray() },
            new() { Value = entries.Select(e => e.Event.Action).ToArray() },
            new() { Value = entries.Select(e => e.Event.Target).ToArray() },
            new() { Value = entries.Select(e => e.Event.ClientAddress).ToArray() },
            new() { Value = entries.Select(e => e.Event.Detail).ToArray() },
            new() { Value = entries.Select(e => e.PreviousHash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
            new() { Value = entries.Select(e => e.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        },
    };

    private static NpgsqlBatchCommand MoveHeadsCommand(Dictionary<string, (long Sequence, byte[] Hash)> heads) => new("""
        UPDATE tg_audit_heads h SET seq = u.seq, hash = u.hash
        FROM unnest($1::text[], $2::bigint[], $3::bytea[]) AS u(tenant_id, seq, hash) WHERE h.tenant_id = u.tenant_id
        """)
    {
        Parameters =
        {
            new() { Value = heads.Keys.ToArray() },
            new() { Value = heads.Values.Select(h => h.Sequence).ToArray() },
            new() { Value = heads.Values.Select(h => h.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        },
    };
}
