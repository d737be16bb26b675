using Npgsql;
using NpgsqlTypes;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Encryption;

/// <summary>
/// Adds customers' data keys to tg_customer_keys in batches. Every first contact adds one, and a statement with a commit
/// of its own per key was the most frequent commit of an inbound burst: keys asked for while a batch is being written
/// go into the next one, so under load one statement adds many, and a key asked for alone is written at once as before.
/// Each caller learns whether its own key went in (false: that version exists, or its tenant key version was rotated
/// away; the caller reloads and decides again).
/// </summary>
internal sealed class DataKeyInserts(NpgsqlDataSource dataSource)
{
    private const int MaxBatch = 500;
    private const string ForeignKeyViolation = "23503";

    private const string Sql = """
        INSERT INTO tg_customer_keys (tenant_id, customer_id, version, wrapped_key, tenant_key_version)
        SELECT * FROM unnest($1::text[], $2::uuid[], $3::integer[], $4::bytea[], $5::integer[])
        ON CONFLICT DO NOTHING
        RETURNING tenant_id, customer_id, version
        """;

    private readonly Lock _gate = new();
    private List<Pending> _waiting = [];
    private bool _writing;

    public Task<bool> TryAddAsync(string tenant, Guid customer, StoredDataKey key)
    {
        var pending = new Pending((tenant, customer, key.Version), key);
        lock (_gate)
        {
            _waiting.Add(pending);
            if (!_writing)
            {
                _writing = true;
                _ = Task.Run(WriteAsync);
            }
        }

        return pending.Added.Task;
    }

    private async Task WriteAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _waiting.Count <= MaxBatch ? _waiting : _waiting[..MaxBatch];
                _waiting = _waiting.Count <= MaxBatch ? [] : _waiting[MaxBatch..];
            }

            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        // Two keys for one customer version in one statement would both be reported added: the later ones lose at once.
        var unique = new List<Pending>(batch.Count);
        var keys = new HashSet<(string, Guid, int)>(batch.Count);
        foreach (var pending in batch)
        {
            if (keys.Add(pending.Row))
            {
                unique.Add(pending);
            }
            else
            {
                pending.Added.TrySetResult(false);
            }
        }

        try
        {
            var added = await InsertAsync(unique);
            foreach (var pending in unique)
            {
                pending.Added.TrySetResult(added.Contains(pending.Row));
            }
        }
        catch (PostgresException e) when (e.SqlState == ForeignKeyViolation && unique.Count > 1)
        {
            // A tenant key version rotated away fails the whole statement: each key on its own finds out whether it is the one.
            foreach (var pending in unique)
            {
                await WriteBatchAsync([pending]);
            }
        }
        catch (PostgresException e) when (e.SqlState == ForeignKeyViolation)
        {
            unique[0].Added.TrySetResult(false);
        }
        catch (Exception e)
        {
            var error = StorageErrors.Translate(e);
            foreach (var pending in unique)
            {
                pending.Added.TrySetException(error);
            }
        }
    }

    private async Task<HashSet<(string, Guid, int)>> InsertAsync(List<Pending> batch)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(p => p.Row.Tenant)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(p => p.Row.Customer)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. batch.Select(p => p.Row.Version)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. batch.Select(p => p.Key.Wrapped!)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. batch.Select(p => p.Key.TenantKeyVersion!.Value)] });
        var added = new HashSet<(string, Guid, int)>(batch.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            added.Add((reader.GetString(0), reader.GetGuid(1), reader.GetInt32(2)));
        }

        return added;
    }

    private sealed record Pending((string Tenant, Guid Customer, int Version) Row, StoredDataKey Key)
    {
        public TaskCompletionSource<bool> Added { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
