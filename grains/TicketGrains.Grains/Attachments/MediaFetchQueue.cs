using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Attachments;

/// <summary>
/// tg_attachment_fetches: the messages whose media are still to fetch. Taking rows leases them (SKIP LOCKED), so each
/// is fetched by one front end at a time; a lease that runs out (its process died) makes the row due again.
/// </summary>
public sealed class MediaFetchQueue(NpgsqlDataSource database)
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>Adds the messages, each once: a redelivered pipeline page adds nothing.</summary>
    public Task AddAsync(IReadOnlyList<MediaFetch> fetches, DateTimeOffset now, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_attachment_fetches (tenant_id, stream_id, channel_id, customer_id, kind, next_attempt_at, created_at, updated_at) " +
            "SELECT * , $6, $6, $6 FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[]) ON CONFLICT (tenant_id, stream_id) DO NOTHING");
        command.Parameters.AddWithValue(fetches.Select(f => f.Tenant).ToArray());
        command.Parameters.AddWithValue(fetches.Select(f => f.StreamId).ToArray());
        command.Parameters.AddWithValue(fetches.Select(f => f.ChannelId).ToArray());
        command.Parameters.AddWithValue(fetches.Select(f => f.CustomerId).ToArray());
        command.Parameters.AddWithValue(fetches.Select(f => f.Kind).ToArray());
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>Takes up to <paramref name="limit"/> due rows for <paramref name="lease"/>, counting the attempt.</summary>
    public Task<List<MediaFetch>> TakeAsync(int limit, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "UPDATE tg_attachment_fetches f SET leased_until = $2, attempts = f.attempts + 1, updated_at = $1 FROM (" +
            " SELECT tenant_id, stream_id FROM tg_attachment_fetches WHERE state = 'pending' AND next_attempt_at <= $1" +
            " AND (leased_until IS NULL OR leased_until <= $1) ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due" +
            " WHERE f.tenant_id = due.tenant_id AND f.stream_id = due.stream_id" +
            " RETURNING f.tenant_id, f.stream_id, f.channel_id, f.customer_id, f.kind, f.attempts");
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now + lease);
        command.Parameters.AddWithValue(limit);
        var taken = new List<MediaFetch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(new MediaFetch(reader.GetString(0), reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3), reader.GetString(4), reader.GetInt32(5)));
        }

        return taken;
    });

    /// <summary>Finished: <see cref="Done"/>, or <see cref="Failed"/> for good with <paramref name="error"/>.</summary>
    public Task FinishAsync(MediaFetch fetch, string state, string? error, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(fetch, "state = $3, last_error = $4, leased_until = NULL, updated_at = $5", [state, (object?)error ?? DBNull.Value, now], cancellationToken);

    /// <summary>Tried again at <paramref name="at"/>; <paramref name="countsAsAttempt"/> false gives the attempt back (nothing failed, it was early).</summary>
    public Task RetryAsync(MediaFetch fetch, DateTimeOffset at, string error, bool countsAsAttempt, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(fetch, "next_attempt_at = $3, last_error = $4, leased_until = NULL, updated_at = $5, attempts = attempts - $6",
            [at, error, now, countsAsAttempt ? 0 : 1], cancellationToken);

    /// <summary>The row as it stands (state, attempts, last error), for operators and tests.</summary>
    public Task<(string State, int Attempts, string? LastError)?> StateAsync(string tenant, string streamId, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand("SELECT state, attempts, last_error FROM tg_attachment_fetches WHERE tenant_id = $1 AND stream_id = $2");
            command.Parameters.AddWithValue(tenant);
            command.Parameters.AddWithValue(streamId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? ((string, int, string?)?)(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2))
                : null;
        });

    private Task UpdateAsync(MediaFetch fetch, string set, object[] values, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"UPDATE tg_attachment_fetches SET {set} WHERE tenant_id = $1 AND stream_id = $2");
        command.Parameters.AddWithValue(fetch.Tenant);
        command.Parameters.AddWithValue(fetch.StreamId);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    });
}
