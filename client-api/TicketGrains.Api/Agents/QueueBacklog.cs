using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Agents;

/// <summary>
/// GET /api/v1/queues from the read model: every queue that holds unfinished tickets, with how many wait for an agent
/// (new or open, unassigned) and since when the oldest of them exists. A queue's live counts are its grain's
/// (GET /api/v1/queues/{name}/status); this is what no grain knows: which queues there are.
/// </summary>
public sealed class QueueBacklog(NpgsqlDataSource database)
{
    /// <summary>One queue: tickets waiting for an agent and the creation time of the oldest (null when none waits).</summary>
    public sealed record Item(string Name, int WaitingTickets, DateTimeOffset? OldestWaitingSince);

    private const string Waiting = "assignee IS NULL AND status IN ('new', 'open')";

    public Task<List<Item>> ListAsync(string tenant, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            $"SELECT queue, count(*) FILTER (WHERE {Waiting}), min(created_at) FILTER (WHERE {Waiting}) FROM tg_tickets " +
            "WHERE tenant_id = $1 AND status IN ('new', 'open', 'pending', 'on_hold') GROUP BY queue ORDER BY queue");
        command.Parameters.AddWithValue(tenant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var queues = new List<Item>();
        while (await reader.ReadAsync(cancellationToken))
        {
            queues.Add(new Item(reader.GetString(0), (int)reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return queues;
    });
}
