using Npgsql;
using NpgsqlTypes;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Customers.Linking;

/// <summary>The strong keys customers gave, in tg_identity_keys (keyed hashes only).</summary>
public sealed class PostgresIdentityKeyStore(NpgsqlDataSource database) : IIdentityKeyStore
{
    public Task<IReadOnlyDictionary<KeyHash, IReadOnlyList<Guid>>> HoldersRecordingLoneAsync(
        string tenant, IReadOnlyList<KeyHash> keys, int limit, Guid contact, DateTimeOffset at) => StorageErrors.Guard(async () =>
    {
        // At most limit holders per key, taken in index order (a common key must not cost a read of all its holders),
        // then put in the order they gave it. The insert sees the same holders (one snapshot) and runs only when none is
        // another customer: most contacts give keys nobody else gave, and recording them here saves a round trip.
        await using var command = database.CreateCommand(
            "WITH w AS (SELECT * FROM unnest($2::text[], $3::text[]) AS w(kind, hash)), "
            + "found AS (SELECT w.kind, w.hash, k.customer_id, k.created_at FROM w CROSS JOIN LATERAL "
            + "(SELECT customer_id, created_at FROM tg_identity_keys WHERE tenant_id = $1 AND key_kind = w.kind AND key_hash = w.hash LIMIT $4) k), "
            + "added AS (INSERT INTO tg_identity_keys (tenant_id, key_kind, key_hash, customer_id, created_at) "
            + "SELECT $1, kind, hash, $5, $6 FROM w WHERE NOT EXISTS (SELECT FROM found WHERE customer_id <> $5) ON CONFLICT DO NOTHING) "
            + "SELECT kind, hash, customer_id FROM found ORDER BY created_at, customer_id");
        command.Parameters.AddWithValue(tenant);
        AddKeys(command, keys);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(contact);
        command.Parameters.AddWithValue(at);
        var found = new Dictionary<KeyHash, List<Guid>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = new KeyHash(reader.GetString(0), reader.GetString(1));
            if (!found.TryGetValue(key, out var holders))
            {
                found[key] = holders = [];
            }

            holders.Add(reader.GetGuid(2));
        }

        return (IReadOnlyDictionary<KeyHash, IReadOnlyList<Guid>>)found.ToDictionary(f => f.Key, f => (IReadOnlyList<Guid>)f.Value);
    });

    /// <summary>Whether any of the customers gave a key of the kind: found through tg_identity_keys_of_customer, the only index it can use.</summary>
    internal const string AnyOfKindSql =
        "SELECT EXISTS (SELECT FROM tg_identity_keys WHERE tenant_id = $1 AND customer_id = ANY($2) AND key_kind = $3)";

    public Task<bool> AnyOfKindAsync(string tenant, IReadOnlyCollection<Guid> customers, string kind) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(AnyOfKindSql);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customers.ToArray());
        command.Parameters.AddWithValue(kind);
        return (bool)(await command.ExecuteScalarAsync())!;
    });

    public Task AddAsync(string tenant, Guid customer, IReadOnlyList<KeyHash> keys, DateTimeOffset at) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_identity_keys (tenant_id, key_kind, key_hash, customer_id, created_at) "
            + "SELECT $1, kind, hash, $4, $5 FROM unnest($2::text[], $3::text[]) AS w(kind, hash) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(tenant);
        AddKeys(command, keys);
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(at);
        return await command.ExecuteNonQueryAsync();
    });

    /// <summary>The keys as two parallel arrays, kinds then hashes, for unnest($n, $n+1).</summary>
    private static void AddKeys(NpgsqlCommand command, IReadOnlyList<KeyHash> keys)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Kind).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
    }
}
