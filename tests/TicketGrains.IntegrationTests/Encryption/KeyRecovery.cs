using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>
/// What an attacker holding a copy of the database and the master keys can read: every key still stored is unwrapped,
/// and each sealed value of one customer is tried with each of them.
/// </summary>
public static partial class KeyRecovery
{
    public static async Task<List<string>> RecoverAsync(string connectionString, IReadOnlyList<string> masterKeys, string tenant, Guid customer)
    {
        var master = new MasterKeys(new EncryptionOptions { MasterKey = masterKeys[0], PreviousMasterKeys = [.. masterKeys.Skip(1)] });
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var tenantKeys = new Dictionary<int, byte[]>();
        foreach (var (version, wrapped, masterId) in await RowsAsync(dataSource, "SELECT version, wrapped_key, master_key_id FROM tg_tenant_keys WHERE tenant_id = $1", tenant))
        {
            tenantKeys[version] = master.Unwrap(masterId, wrapped, KeyContexts.TenantKey(tenant, version));
        }

        var dataKeys = new List<byte[]>();
        foreach (var (owner, version, wrapped, tenantVersion) in await DataKeyRowsAsync(dataSource, tenant))
        {
            dataKeys.Add(Aead.Open(tenantKeys[tenantVersion], wrapped, KeyContexts.DataKey(tenant, owner, version)));
        }

        var recovered = new List<string>();
        foreach (var sealedValue in await SealedValuesAsync(dataSource, tenant, customer))
        {
            var version = int.Parse(sealedValue.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var bytes = Convert.FromBase64String(sealedValue.Groups[2].Value);
            foreach (var key in dataKeys)
            {
                try
                {
                    recovered.Add(Encoding.UTF8.GetString(Aead.Open(key, bytes, KeyContexts.Field(tenant, customer, version))));
                }
                catch (CryptographicException)
                {
                    // Not this key.
                }
            }
        }

        return recovered;
    }

    /// <summary>Every sealed value in the customer's rows: its events, its tickets' events and snapshots, and the read model.</summary>
    private static async Task<List<Match>> SealedValuesAsync(NpgsqlDataSource dataSource, string tenant, Guid customer)
    {
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

        return [.. Sealed().Matches(text.ToString()).Cast<Match>()];
    }

    private static async Task<List<(int, byte[], string)>> RowsAsync(NpgsqlDataSource dataSource, string sql, string tenant)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(tenant);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, byte[], string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2)));
        }

        return rows;
    }

    private static async Task<List<(Guid, int, byte[], int)>> DataKeyRowsAsync(NpgsqlDataSource dataSource, string tenant)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT customer_id, version, wrapped_key, tenant_key_version FROM tg_customer_keys WHERE tenant_id = $1 AND wrapped_key IS NOT NULL");
        command.Parameters.AddWithValue(tenant);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, int, byte[], int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2), reader.GetInt32(3)));
        }

        return rows;
    }

    [GeneratedRegex("tge1:([0-9]+):([A-Za-z0-9+/=]+)")]
    private static partial Regex Sealed();
}
