using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.EventLog;

/// <summary>The event log on PostgreSQL: appends go through the group-commit writer, reads go direct.</summary>
internal sealed class PostgresEventLog(NpgsqlDataSource dataSource, GroupCommitWriter writer) : IEventLog
{
    public Task AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) => writer.AppendAsync(request, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string tenantId, string streamId, int afterVersion) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT version, event_type, data::text, recorded_at FROM tg_events " +
                "WHERE tenant_id = $1 AND stream_id = $2 AND version > $3 ORDER BY version");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = afterVersion });
            await using var reader = await command.ExecuteReaderAsync();
            var events = new List<StoredEvent>();
            while (await reader.ReadAsync())
            {
                events.Add(new StoredEvent(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }

            return (IReadOnlyList<StoredEvent>)events;
        });

    public Task<(int Version, string Json)?> ReadSnapshotAsync(string tenantId, string streamId) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT version, data::text FROM tg_snapshots WHERE tenant_id = $1 AND stream_id = $2");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            await using var reader = await command.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (reader.GetInt32(0), reader.GetString(1)) : ((int, string)?)null;
        });

    /// <summary>
    /// One statement, so one snapshot of the database: the snapshot row (no event type) and the events after its
    /// version, which sorts it first. Two statements could see a snapshot saved between them and skip the events it
    /// covers.
    /// </summary>
    public Task<((int Version, string Json)? Snapshot, IReadOnlyList<StoredEvent> Events)> ReadFromSnapshotAsync(string tenantId, string streamId) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand("""
                WITH s AS (SELECT version, data FROM tg_snapshots WHERE tenant_id = $1 AND stream_id = $2)
                SELECT version, NULL::text, data::text, NULL::timestamptz FROM s
                UNION ALL
                SELECT version, event_type, data::text, recorded_at FROM tg_events
                WHERE tenant_id = $1 AND stream_id = $2 AND version > coalesce((SELECT version FROM s), 0)
                ORDER BY version
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            await using var reader = await command.ExecuteReaderAsync();
            (int, string)? snapshot = null;
            var events = new List<StoredEvent>();
            while (await reader.ReadAsync())
            {
                if (reader.IsDBNull(1))
                {
                    snapshot = (reader.GetInt32(0), reader.GetString(2));
                    continue;
                }

                events.Add(new StoredEvent(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }

            return (snapshot, (IReadOnlyList<StoredEvent>)events);
        });

    public Task SaveSnapshotAsync(string tenantId, string streamId, int version, string json) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "INSERT INTO tg_snapshots (tenant_id, stream_id, version, data) VALUES ($1, $2, $3, $4) " +
                "ON CONFLICT (tenant_id, stream_id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data, taken_at = now() " +
                "WHERE tg_snapshots.version < EXCLUDED.version");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
            return await command.ExecuteNonQueryAsync();
        });
}
