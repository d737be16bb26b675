using System.Text;
using Npgsql;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>
/// What an attacker holding a copy of the database and the master keys can read of one customer: every key still
/// stored is unwrapped, and each sealed value in the customer's rows is tried with each of them.
/// </summary>
public static class KeyRecovery
{
    public static async Task<List<string>> RecoverAsync(string connectionString, IReadOnlyList<string> masterKeys, string tenant, Guid customer)
    {
        var keys = await StoredDataKeys.LoadAsync(connectionString, masterKeys, tenant);
        return [.. StoredDataKeys.SealedValuesIn(await CustomerRowsAsync(connectionString, tenant, customer)).SelectMany(v => keys.TryEveryKey(customer, v))];
    }

    /// <summary>The customer's rows as text: its events, its tickets' events and snapshots, and the read model.</summary>
    private static async Task<string> CustomerRowsAsync(string connectionString, string tenant, Guid customer)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            SELECT data::text FROM tg_events WHERE tenant_id = $1 AND (stream_id = 'customer/' || $2::text
                OR stream_id IN (SELECT 'ticket/' || ticket_id FROM tg_tickets WHERE tenant_id = $1 AND customer_id = $2))
            UNION ALL SELECT data::text FROM tg_snapshots WHERE tenant_id = $1
                AND stream_id IN (SELECT 'ticket/' || ticket_id FROM tg_tickets WHERE tenant_id = $1 AND customer_id = $2)
            UNION ALL SELECT subject FROM tg_tickets WHERE tenant_id = $1 AND customer_id = $2
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customer);
        var text = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            text.Append(reader.GetString(0)).Append('\n');
        }

        return text.ToString();
    }
}
