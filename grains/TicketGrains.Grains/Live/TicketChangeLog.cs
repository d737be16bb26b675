using Npgsql;
using NpgsqlTypes;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Surges;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Live;

/// <summary>
/// The live feed's reads of tg_events: ticket changes and surge events of a tenant after a log key (what a reconnecting client missed),
/// and what <see cref="TicketChangeFold"/> needs to fold a page. Reads stop below the oldest transaction still in
/// flight (<c>pg_snapshot_xmin</c>), so nothing that commits later can land behind a key already handed out.
/// </summary>
public sealed class TicketChangeLog(NpgsqlDataSource dataSource)
{
    private const string Fence = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";
    private const string FeedStreams = "(stream_id LIKE '" + StreamIds.TicketPrefix + "%' OR stream_id LIKE '" + SurgeStreams.Prefix + "%')";

    /// <summary>The feed events of the page's ticket and surge events with their tenants, in log order.</summary>
    public async Task<List<(string TenantId, ILoggedFeedEvent Change)>> ProjectAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var feedEvents = TicketChangeFold.FeedEvents(events);
        var history = await ReadHistoryAsync(TicketChangeFold.HistoryNeeded(feedEvents), cancellationToken);
        return TicketChangeFold.Project(feedEvents, history);
    }

    /// <summary>Up to <paramref name="limit"/> feed events of the tenant after <paramref name="after"/>, in log order.</summary>
    public Task<List<ILoggedFeedEvent>> ReadAfterAsync(string tenantId, LogKey after, int limit, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT tx_id, position, stream_id, version, event_type, data::text, recorded_at FROM tg_events " +
                $"WHERE tenant_id = $1 AND (tx_id, position) > ($2, $3) AND {Fence} AND {FeedStreams} ORDER BY tx_id, position LIMIT $4");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
            AddKey(command, after);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            var events = new List<CommittedEvent>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    events.Add(new CommittedEvent(reader.GetFieldValue<ulong>(0), reader.GetInt64(1), tenantId, reader.GetString(2), reader.GetInt32(3),
                        reader.GetString(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
                }
            }

            return (await ProjectAsync(events, cancellationToken)).Select(c => c.Change).ToList();
        });

    /// <summary>The key of the tenant's newest feed event that no transaction in flight can precede; Start when none.</summary>
    public Task<LogKey> HeadAsync(string tenantId, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                $"SELECT tx_id, position FROM tg_events WHERE tenant_id = $1 AND {Fence} AND {FeedStreams} ORDER BY tx_id DESC, position DESC LIMIT 1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tenantId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new LogKey(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : LogKey.Start;
        });

    /// <summary>
    /// For each tenant, the key of its last feed event before the given (committed) key; Start when there is none.
    /// Everything below a committed key is final, so no fence is needed.
    /// </summary>
    public Task<Dictionary<string, LogKey>> PreviousKeysAsync(IReadOnlyDictionary<string, LogKey> firstKeys, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT w.tenant_id, p.tx_id, p.position FROM unnest($1::text[], $2::xid8[], $3::bigint[]) AS w(tenant_id, tx_id, position) " +
                "CROSS JOIN LATERAL (SELECT e.tx_id, e.position FROM tg_events e " +
                $"WHERE e.tenant_id = w.tenant_id AND (e.tx_id, e.position) < (w.tx_id, w.position) AND {FeedStreams} " +
                "ORDER BY e.tx_id DESC, e.position DESC LIMIT 1) p");
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = firstKeys.Keys.ToArray() });
            command.Parameters.Add(new NpgsqlParameter<ulong[]>
            {
                TypedValue = firstKeys.Values.Select(k => k.TransactionId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Xid8,
            });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = firstKeys.Values.Select(k => k.Position).ToArray() });
            var previous = firstKeys.Keys.ToDictionary(t => t, _ => LogKey.Start, StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                previous[reader.GetString(0)] = new LogKey(reader.GetFieldValue<ulong>(1), reader.GetInt64(2));
            }

            return previous;
        });

    private Task<Dictionary<(string, string), TicketState>> ReadHistoryAsync(List<TicketChangeFold.HistoryNeed> needs, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            var history = new Dictionary<(string, string), TicketState>();
            if (needs.Count == 0)
            {
                return history;
            }

            await using var command = dataSource.CreateCommand(
                "SELECT e.tenant_id, e.stream_id, e.event_type, e.data::text FROM unnest($1::text[], $2::text[], $3::int[]) AS w(tenant_id, stream_id, before) " +
                "JOIN tg_events e ON e.tenant_id = w.tenant_id AND e.stream_id = w.stream_id AND e.version < w.before " +
                "ORDER BY e.tenant_id, e.stream_id, e.version");
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = needs.Select(n => n.TenantId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = needs.Select(n => n.StreamId).ToArray() });
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = needs.Select(n => n.Version).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stream = (reader.GetString(0), reader.GetString(1));
                if (!history.TryGetValue(stream, out var state))
                {
                    history[stream] = state = new TicketState();
                }

                state.Apply(EventSerializer.Deserialize(reader.GetString(2), reader.GetString(3)));
            }

            return history;
        });

    private static void AddKey(NpgsqlCommand command, LogKey key)
    {
        command.Parameters.Add(new NpgsqlParameter<ulong> { TypedValue = key.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.Position });
    }
}
