using Npgsql;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.OrderEvents;

/// <summary>
/// Received order events by eventId (tg_order_events): the first receipt fixes the tickets the event goes to, so a
/// retried POST reaches the same tickets and answers the same, whatever tickets were created in between.
/// </summary>
public sealed class OrderEventInbox(NpgsqlDataSource database, IOrderTicketIndex index, TimeProvider time)
{
    /// <summary>What is stored for an event id: the hash of the first body, and the tickets it goes to.</summary>
    public sealed record Receipt(string RequestHash, IReadOnlyList<Guid> TicketIds);

    /// <summary>Stores the event if its id is new (with the tickets the index finds now) and returns what is stored.</summary>
    public async Task<Receipt> ReceiveAsync(string tenant, OrderEventNotice notice, string requestHash, CancellationToken cancellationToken)
    {
        if (await FindAsync(tenant, notice.EventId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var tickets = await index.FindAsync(tenant, notice.OrderNo, cancellationToken);
        var inserted = await StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "INSERT INTO tg_order_events (tenant_id, event_id, request_hash, event_type, order_no, ticket_ids, received_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING");
            foreach (var value in new object[] { tenant, notice.EventId, requestHash, notice.Type, notice.OrderNo, tickets.ToArray(), time.GetUtcNow() })
            {
                command.Parameters.AddWithValue(value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
        // Two first receipts racing: the one that lost reads what the winner stored.
        return inserted == 1 ? new Receipt(requestHash, tickets) : (await FindAsync(tenant, notice.EventId, cancellationToken))!;
    }

    private Task<Receipt?> FindAsync(string tenant, string eventId, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT request_hash, ticket_ids FROM tg_order_events WHERE tenant_id = $1 AND event_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(eventId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Receipt(reader.GetString(0), reader.GetFieldValue<Guid[]>(1)) : null;
    });
}
