using Npgsql;
using NpgsqlTypes;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Webhooks;

/// <summary>The durable outbox and delivery log, tg_webhook_deliveries.</summary>
public sealed class WebhookDeliveryStore(NpgsqlDataSource database)
{
    private const string Columns =
        "seq, position, message_id, event_type, ticket_id, payload, state, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at";

    /// <summary>A delivery to add: due at once.</summary>
    public sealed record NewDelivery(string Tenant, Guid WebhookId, long Position, string EventType, Guid TicketId, string Payload);

    /// <summary>Adds the deliveries in the given order (their seq order); ones already there (a page handled again) are skipped.</summary>
    public Task EnqueueAsync(IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_webhook_deliveries (tenant_id, webhook_id, position, message_id, event_type, ticket_id, payload, next_attempt_at, created_at) " +
            "SELECT t, w, p, 'msg_' || p, e, k, b, $7, $7 FROM unnest($1, $2, $3, $4, $5, $6) WITH ORDINALITY AS d(t, w, p, e, k, b, n) " +
            "ORDER BY n ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(deliveries.Select(d => d.Tenant).ToArray());
        command.Parameters.AddWithValue(deliveries.Select(d => d.WebhookId).ToArray());
        command.Parameters.AddWithValue(deliveries.Select(d => d.Position).ToArray());
        command.Parameters.AddWithValue(deliveries.Select(d => d.EventType).ToArray());
        command.Parameters.AddWithValue(deliveries.Select(d => d.TicketId).ToArray());
        command.Parameters.AddWithValue(deliveries.Select(d => d.Payload).ToArray());
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>
    /// The webhook's oldest pending deliveries, in the order they must be sent: nothing is sent before the ones ahead of
    /// it (order per ticket).
    /// </summary>
    public Task<List<WebhookDelivery>> PendingAsync(string tenant, Guid webhookId, int limit, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 AND webhook_id = $2 AND state = 'pending' ORDER BY seq LIMIT $3", [tenant, webhookId, limit], cancellationToken);

    /// <summary>The webhook's delivery log, newest first, before the given seq.</summary>
    public Task<List<WebhookDelivery>> ListAsync(string tenant, Guid webhookId, long? before, int limit, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 AND webhook_id = $2 AND seq < $3 ORDER BY seq DESC LIMIT $4",
            [tenant, webhookId, before ?? long.MaxValue, limit], cancellationToken);

    /// <summary>Stores the result of an attempt.</summary>
    public Task RecordAsync(string tenant, Guid webhookId, WebhookDelivery delivery, DeliveryOutcome outcome, DeliveryDecision decision, DateTimeOffset now) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "UPDATE tg_webhook_deliveries SET state = $4, attempts = attempts + 1, next_attempt_at = coalesce($5, next_attempt_at), " +
                "last_status = $6, last_error = $7, delivered_at = CASE WHEN $4 = 'delivered' THEN $8 ELSE delivered_at END " +
                "WHERE tenant_id = $1 AND webhook_id = $2 AND position = $3");
            command.Parameters.AddWithValue(tenant);
            command.Parameters.AddWithValue(webhookId);
            command.Parameters.AddWithValue(delivery.Position);
            command.Parameters.AddWithValue(decision.State.ToString().ToLowerInvariant());
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)decision.NextAttemptAt ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)outcome.StatusCode ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)outcome.Describe() ?? DBNull.Value });
            command.Parameters.AddWithValue(now);
            return await command.ExecuteNonQueryAsync();
        });

    /// <summary>Enabled webhooks with a pending delivery due at <paramref name="now"/> (on the webhook clock).</summary>
    public Task<List<(string Tenant, Guid WebhookId)>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT DISTINCT d.tenant_id, d.webhook_id FROM tg_webhook_deliveries d JOIN tg_webhooks w USING (tenant_id, webhook_id) " +
            "WHERE d.state = 'pending' AND d.next_attempt_at <= $1 AND w.enabled");
        command.Parameters.AddWithValue(now);
        var due = new List<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return due;
    });

    private Task<List<WebhookDelivery>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM tg_webhook_deliveries {where}");
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var deliveries = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new WebhookDelivery(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.GetFieldValue<DateTimeOffset>(11), reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12)));
        }

        return deliveries;
    });
}
