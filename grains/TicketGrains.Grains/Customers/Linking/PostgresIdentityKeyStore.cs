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
        // another customer: most contacts give keys nobody else gave, and recording them here saves a round trip. A
        // function, so that its plan is made once per connection (0711_identity_key_reads.sql).
        await using var command = database.CreateCommand(HoldersRecordingLoneSql);
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

    internal const string HoldersRecordingLoneSql =
        "SELECT holder_kind, holder_hash, holder_id FROM tg_identity_key_holders($1, $2, $3, $4, $5, $6)";

    /// <summary>
    /// Whether any of the customers gave a key of the kind: found through tg_identity_keys_of_customer, the only index it
    /// can use, by a function that keeps its plan (0711_identity_key_reads.sql).
    /// </summary>
    internal const string AnyOfKindSql = "SELECT tg_identity_keys_any_of_kind($1, $2, $3)";

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
