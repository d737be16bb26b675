using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.OrderEvents;

/// <summary>The order-number index in tg_order_tickets.</summary>
public sealed class PostgresOrderTicketIndex(NpgsqlDataSource database) : IOrderTicketIndex
{
    /// <summary>
    /// Adds the entry without waiting for it to be flushed to disk (<c>synchronous_commit = off</c> for this transaction
    /// alone). It is written before the ticket's creation is appended, and PostgreSQL flushes its write-ahead log in
    /// order: once that later append has committed durably, so has this entry. Waiting for a flush of its own cost
    /// every create with an order number a second durable commit, in a row, which halved creation throughput.
    /// </summary>
    public Task AddAsync(string tenant, string orderNo, Guid ticketId) => StorageErrors.Guard(async () =>
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"),
                new NpgsqlBatchCommand("INSERT INTO tg_order_tickets (tenant_id, order_no, ticket_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                {
                    Parameters = { new() { Value = tenant }, new() { Value = orderNo }, new() { Value = ticketId } },
                },
            },
        };
        var added = await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return added;
    });

    public Task<IReadOnlyList<Guid>> FindAsync(string tenant, string orderNo, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT ticket_id FROM tg_order_tickets WHERE tenant_id = $1 AND order_no = $2 ORDER BY created_at, ticket_id");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(orderNo);
        var tickets = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tickets.Add(reader.GetGuid(0));
        }

        return (IReadOnlyList<Guid>)tickets;
    });
}
