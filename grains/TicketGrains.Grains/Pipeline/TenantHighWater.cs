using System.Globalization;
using Npgsql;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Per-tenant high-water keys of a subscriber that counts (a table of <c>tenant_id, tx_id, position</c>): locked at the
/// start of the page's transaction, so the events at or below them, counted before, are skipped, and moved in the same
/// transaction as the counts. Also the positional-parameter statement those transactions are written with.
/// </summary>
public static class TenantHighWater
{
    /// <summary>Creates the missing keys at the beginning and locks every tenant's, in tenant order (no deadlock between two pages).</summary>
    public static async Task<Dictionary<string, Checkpoint>> LockAsync(NpgsqlConnection connection, string table, string[] tenants, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection,
            $"INSERT INTO {table} (tenant_id, tx_id, position) SELECT t, '0'::xid8, 0 FROM unnest($1::text[]) AS t ORDER BY t ON CONFLICT DO NOTHING",
            cancellationToken, (object)tenants);
        await using var command = new NpgsqlCommand($"SELECT tenant_id, tx_id, position FROM {table} WHERE tenant_id = ANY($1) ORDER BY tenant_id FOR UPDATE", connection);
        command.Parameters.AddWithValue(tenants);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new Dictionary<string, Checkpoint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[reader.GetString(0)] = new Checkpoint(reader.GetFieldValue<ulong>(1), reader.GetInt64(2));
        }

        return keys;
    }

    /// <summary>Moves the keys (xid8 goes as text: its text form is the number).</summary>
    public static Task MoveAsync(NpgsqlConnection connection, string table, IReadOnlyDictionary<string, Checkpoint> keys, CancellationToken cancellationToken) =>
        ExecuteAsync(connection,
            $"UPDATE {table} h SET tx_id = k.x::xid8, position = k.p FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(t, x, p) WHERE h.tenant_id = k.t",
            cancellationToken, keys.Keys.ToArray(), keys.Values.Select(k => k.TransactionId.ToString(CultureInfo.InvariantCulture)).ToArray(),
            keys.Values.Select(k => k.Position).ToArray());

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
