using Npgsql;
using NpgsqlTypes;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>The outbox of replies to channel customers and their delivery states, tg_outbound_messages.</summary>
public sealed class ReplyStore(NpgsqlDataSource database) : ISentReplies
{
    private const string Columns =
        "tenant_id, message_id, ticket_id, ticket_version, customer_id, channel_id, inbound_stream, state, attempts, next_attempt_at, reason, platform_message_id, sent_at";

    /// <summary>Adds queued replies, due at once; ones already there (a pipeline page handled again) are left as they are.</summary>
    public Task EnqueueAsync(IReadOnlyList<(QueuedReply Reply, long Position)> replies, DateTimeOffset now, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "INSERT INTO tg_outbound_messages (tenant_id, message_id, ticket_id, ticket_version, customer_id, channel_id, inbound_stream, position, " +
                "next_attempt_at, created_at, updated_at) SELECT t, m, k, v, c, h, i, p, $9, $9, $9 FROM unnest($1, $2, $3, $4, $5, $6, $7, $8) " +
                "AS r(t, m, k, v, c, h, i, p) ON CONFLICT DO NOTHING");
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.Tenant).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.MessageId).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.TicketId).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.TicketVersion).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.CustomerId).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.ChannelId).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Reply.InboundStream).ToArray());
            command.Parameters.AddWithValue(replies.Select(r => r.Position).ToArray());
            command.Parameters.AddWithValue(now);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        });

    /// <summary>
    /// Takes up to <paramref name="limit"/> queued replies due at <paramref name="now"/> that no live lease holds, under
    /// the lease <paramref name="leaseId"/> until <paramref name="leaseUntil"/>: no other process takes them meanwhile.
    /// A reply waits while an earlier one of its ticket is still queued, so a customer gets a ticket's replies in order.
    /// </summary>
    public Task<List<QueuedReply>> TakeDueAsync(DateTimeOffset now, Guid leaseId, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "UPDATE tg_outbound_messages o SET lease_id = $2, lease_until = $3 FROM (SELECT tenant_id, message_id FROM tg_outbound_messages q " +
                "WHERE state = 'queued' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) AND NOT EXISTS (SELECT 1 " +
                "FROM tg_outbound_messages e WHERE e.tenant_id = q.tenant_id AND e.ticket_id = q.ticket_id AND e.state = 'queued' AND e.position < q.position) " +
                "ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) due " +
                $"WHERE o.tenant_id = due.tenant_id AND o.message_id = due.message_id RETURNING {string.Join(", ", Columns.Split(", ").Select(c => "o." + c))}");
            command.Parameters.AddWithValue(now);
            command.Parameters.AddWithValue(leaseId);
            command.Parameters.AddWithValue(leaseUntil);
            command.Parameters.AddWithValue(limit);
            var taken = new List<QueuedReply>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                taken.Add(Read(reader));
            }

            return taken;
        });

    /// <summary>Stores an attempt's result and ends the lease; false when the lease was lost (another process took the reply).</summary>
    public Task<bool> RecordAsync(QueuedReply reply, Guid leaseId, ReplyDelivery after, DateTimeOffset now) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "UPDATE tg_outbound_messages SET state = $4, attempts = $5, next_attempt_at = $6, reason = $7, platform_message_id = $8, sent_at = $9, " +
            "updated_at = $10, lease_id = NULL, lease_until = NULL WHERE tenant_id = $1 AND message_id = $2 AND lease_id = $3");
        command.Parameters.AddWithValue(reply.Tenant);
        command.Parameters.AddWithValue(reply.MessageId);
        command.Parameters.AddWithValue(leaseId);
        command.Parameters.AddWithValue(after.State);
        command.Parameters.AddWithValue(after.Attempts);
        command.Parameters.AddWithValue(after.NextAttemptAt);
        command.Parameters.Add(Nullable(NpgsqlDbType.Text, after.Reason));
        command.Parameters.Add(Nullable(NpgsqlDbType.Text, after.PlatformMessageId));
        command.Parameters.Add(Nullable(NpgsqlDbType.TimestampTz, after.SentAt));
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync() == 1;
    });

    /// <summary>Ends the lease without an outcome: the reply is due again for any process at once.</summary>
    public Task ReleaseAsync(QueuedReply reply, Guid leaseId) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "UPDATE tg_outbound_messages SET lease_id = NULL, lease_until = NULL WHERE tenant_id = $1 AND message_id = $2 AND lease_id = $3");
        command.Parameters.AddWithValue(reply.Tenant);
        command.Parameters.AddWithValue(reply.MessageId);
        command.Parameters.AddWithValue(leaseId);
        return await command.ExecuteNonQueryAsync();
    });

    /// <summary>The delivery of every reply of a ticket, by outbound message id.</summary>
    public Task<Dictionary<Guid, MessageDelivery>> OfTicketAsync(string tenant, Guid ticketId, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand($"SELECT {Columns} FROM tg_outbound_messages WHERE tenant_id = $1 AND ticket_id = $2");
            command.Parameters.AddWithValue(tenant);
            command.Parameters.AddWithValue(ticketId);
            var deliveries = new Dictionary<Guid, MessageDelivery>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var reply = Read(reader);
                deliveries[reply.MessageId] = reply.Delivery.View(reply.MessageId, reply.ChannelId);
            }

            return deliveries;
        });

    public Task<Guid?> TicketOfAsync(string tenant, Guid messageId, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("SELECT ticket_id FROM tg_outbound_messages WHERE tenant_id = $1 AND message_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(messageId);
        return await command.ExecuteScalarAsync(cancellationToken) is Guid ticket ? ticket : (Guid?)null;
    });

    public Task<BouncedReply?> FailSentAsync(string tenant, Guid messageId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "UPDATE tg_outbound_messages SET state = 'failed', reason = $3, updated_at = $4 WHERE tenant_id = $1 AND message_id = $2 AND state = 'sent' " +
                "RETURNING ticket_id, channel_id, attempts, platform_message_id");
            command.Parameters.AddWithValue(tenant);
            command.Parameters.AddWithValue(messageId);
            command.Parameters.AddWithValue(reason);
            command.Parameters.AddWithValue(now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new BouncedReply(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3))
                : null;
        });

    private static QueuedReply Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt32(3), reader.GetGuid(4), reader.GetGuid(5), reader.GetString(6),
        new ReplyDelivery(reader.GetString(7), reader.GetInt32(8), reader.GetFieldValue<DateTimeOffset>(9), reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetString(11), reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12)));

    private static NpgsqlParameter Nullable(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
