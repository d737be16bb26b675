using Npgsql;

namespace TicketGrains.Api.Security;

/// <summary>API keys in PostgreSQL (tg_api_keys); read on every request that presents one, so a revocation applies at once.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource database, TimeProvider time)
{
    private const string Columns = "key_id, tenant_id, name, secret_hash, permissions, created_by, created_at, revoked_at";

    /// <summary>A stored key (its secret hash is never returned by the API).</summary>
    public sealed record StoredKey(string KeyId, string Tenant, string Name, byte[] SecretHash, IReadOnlyList<string> Permissions,
        string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    /// <summary>Creates a key; the returned text is the only time the full key exists outside the caller.</summary>
    public async Task<(StoredKey Stored, string Key)> CreateAsync(string tenant, string name, IReadOnlyList<string> permissions, string actor,
        CancellationToken cancellationToken)
    {
        var (keyId, key, hash) = ApiKeySecret.Generate();
        var stored = new StoredKey(keyId, tenant, name, hash, permissions, actor, time.GetUtcNow(), null);
        await StoreCalls.RunAsync(() => InsertAsync(stored, cancellationToken));
        return (stored, key);
    }

    public async Task<StoredKey?> FindAsync(string keyId, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE key_id = $1", [keyId], cancellationToken)).SingleOrDefault();

    public Task<List<StoredKey>> ListAsync(string tenant, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 ORDER BY created_at, key_id", [tenant], cancellationToken);

    /// <summary>Revokes a key of the tenant; false when the tenant has no such key.</summary>
    public Task<bool> RevokeAsync(string tenant, string keyId, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => MarkRevokedAsync(tenant, keyId, cancellationToken));

    private async Task<int> InsertAsync(StoredKey stored, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"INSERT INTO tg_api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)");
        foreach (var value in new object[] { stored.KeyId, stored.Tenant, stored.Name, stored.SecretHash, stored.Permissions.ToArray(), stored.CreatedBy, stored.CreatedAt })
        {
            command.Parameters.AddWithValue(value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> MarkRevokedAsync(string tenant, string keyId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "UPDATE tg_api_keys SET revoked_at = coalesce(revoked_at, $3) WHERE tenant_id = $1 AND key_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(keyId);
        command.Parameters.AddWithValue(time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private Task<List<StoredKey>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken) =>
        StoreCalls.RunAsync(() => ReadKeysAsync(where, parameters, cancellationToken));

    private async Task<List<StoredKey>> ReadKeysAsync(string where, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM tg_api_keys {where}");
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var keys = new List<StoredKey>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new StoredKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<string[]>(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return keys;
    }
}
