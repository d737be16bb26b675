using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.OrderEvents;

/// <summary>The order-number index in tg_order_tickets (written by the event log's batch statement).</summary>
public sealed class PostgresOrderTicketIndex(NpgsqlDataSource database) : IOrderTicketIndex
{
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
