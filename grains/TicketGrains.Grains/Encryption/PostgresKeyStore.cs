using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Encryption;

/// <summary>Wrapped keys in PostgreSQL (deploy/sql/0300_encryption_keys.sql). Nothing here ever sees a key in clear.</summary>
public sealed class PostgresKeyStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    private readonly DataKeyInserts _dataKeys = new(dataSource);

    public Task<List<StoredTenantKey>> TenantKeysAsync(string tenant) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand("SELECT version, wrapped_key, master_key_id FROM tg_tenant_keys WHERE tenant_id = $1");
        command.Parameters.AddWithValue(tenant);
        return await ReadAsync(command, r => new StoredTenantKey(r.GetInt32(0), r.GetFieldValue<byte[]>(1), r.GetString(2)));
    });

    public Task<bool> TryAddTenantKeyAsync(string tenant, StoredTenantKey key) => TryInsertAsync(
        "INSERT INTO tg_tenant_keys (tenant_id, version, wrapped_key, master_key_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        tenant, key.Version, key.Wrapped, key.MasterKeyId);

    public Task<StoredTenantKey?> LookupKeyAsync(string tenant) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand("SELECT wrapped_key, master_key_id FROM tg_lookup_keys WHERE tenant_id = $1");
        command.Parameters.AddWithValue(tenant);
        return (await ReadAsync(command, r => new StoredTenantKey(0, r.GetFieldValue<byte[]>(0), r.GetString(1)))).SingleOrDefault();
    });

    public Task<bool> TryAddLookupKeyAsync(string tenant, StoredTenantKey key) => TryInsertAsync(
        "INSERT INTO tg_lookup_keys (tenant_id, wrapped_key, master_key_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        tenant, key.Wrapped, key.MasterKeyId);

    public Task<List<StoredDataKey>> DataKeysAsync(string tenant, Guid customer) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand(
            "SELECT version, wrapped_key, tenant_key_version FROM tg_customer_keys WHERE tenant_id = $1 AND customer_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customer);
        return await ReadAsync(command, r => new StoredDataKey(
            r.GetInt32(0), r.IsDBNull(1) ? null : r.GetFieldValue<byte[]>(1), r.IsDBNull(2) ? null : r.GetInt32(2)));
    });

    /// <summary>False when the version exists already, or its tenant key version was just rotated away: reload and decide again.</summary>
    /// <remarks>Written together with the keys other callers are adding at the same moment (<see cref="DataKeyInserts"/>).</remarks>
    public Task<bool> TryAddDataKeyAsync(string tenant, Guid customer, StoredDataKey key) => _dataKeys.TryAddAsync(tenant, customer, key);

    /// <summary>
    /// Destroys every live data key of the customer (the rows stay, zeroed, so versions are never reused) and, with the
    /// same commit, notifies every process to forget the key (<see cref="KeyErasureListener"/>); returns how many.
    /// </summary>
    public Task<int> EraseDataKeysAsync(string tenant, Guid customer) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand($"""
            WITH erased AS (
                UPDATE tg_customer_keys SET wrapped_key = NULL, tenant_key_version = NULL, erased_at = now()
                WHERE tenant_id = $1 AND customer_id = $2 AND wrapped_key IS NOT NULL
                RETURNING 1)
            SELECT count(*)::int, pg_notify('{KeyErasureListener.Channel}', $3) FROM erased
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customer);
        command.Parameters.AddWithValue(KeyErasureListener.Payload(tenant, customer));
        return (int)(await command.ExecuteScalarAsync())!;
    });

    /// <summary>
    /// In one transaction: locks the tenant's key rows (a concurrent data key insert waits, then fails its foreign key
    /// and retries with the new version), adds the new version, re-wraps every live data key, deletes the old versions.
    /// </summary>
    public Task<(int Version, int Rewrapped)> RotateTenantKeyAsync(string tenant, Func<IReadOnlyList<StoredTenantKey>, TenantKeyRotation> plan) =>
        StorageErrors.Guard(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var current = await ReadAsync(Command(connection, "SELECT version, wrapped_key, master_key_id FROM tg_tenant_keys WHERE tenant_id = $1 FOR UPDATE", tenant),
                r => new StoredTenantKey(r.GetInt32(0), r.GetFieldValue<byte[]>(1), r.GetString(2)));
            var rotation = plan(current);
            await ExecuteAsync(connection, "INSERT INTO tg_tenant_keys (tenant_id, version, wrapped_key, master_key_id) VALUES ($1, $2, $3, $4)",
                tenant, rotation.NewKey.Version, rotation.NewKey.Wrapped, rotation.NewKey.MasterKeyId);
            var live = await ReadAsync(Command(connection,
                    "SELECT customer_id, version, wrapped_key, tenant_key_version FROM tg_customer_keys WHERE tenant_id = $1 AND wrapped_key IS NOT NULL FOR UPDATE", tenant),
                r => (Customer: r.GetGuid(0), Key: new StoredDataKey(r.GetInt32(1), r.GetFieldValue<byte[]>(2), r.GetInt32(3))));
            var customers = live.Select(k => k.Customer).ToArray();
            var versions = live.Select(k => k.Key.Version).ToArray();
            var wrapped = live.Select(k => rotation.Rewrap(k.Customer, k.Key)).ToArray();
            await ExecuteAsync(connection, """
                UPDATE tg_customer_keys k SET wrapped_key = u.wrapped, tenant_key_version = $2
                FROM unnest($3::uuid[], $4::integer[], $5::bytea[]) AS u(customer_id, version, wrapped)
                WHERE k.tenant_id = $1 AND k.customer_id = u.customer_id AND k.version = u.version
                """, tenant, rotation.NewKey.Version, customers, versions, wrapped);
            await ExecuteAsync(connection, "DELETE FROM tg_tenant_keys WHERE tenant_id = $1 AND version <> $2", tenant, rotation.NewKey.Version);
            await transaction.CommitAsync();
            return (rotation.NewKey.Version, live.Count);
        });

    /// <summary>Re-wraps every tenant and lookup key not wrapped by <paramref name="masterKeyId"/>; returns how many.</summary>
    public Task<int> RewrapUnderMasterAsync(string masterKeyId, Func<MasterWrappedKey, byte[]> rewrap) => StorageErrors.Guard(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var tenantKeys = await ReadAsync(Command(connection,
                "SELECT tenant_id, version, wrapped_key, master_key_id FROM tg_tenant_keys WHERE master_key_id <> $1 FOR UPDATE", masterKeyId),
            r => new MasterWrappedKey(r.GetString(0), r.GetInt32(1), r.GetFieldValue<byte[]>(2), r.GetString(3)));
        var lookupKeys = await ReadAsync(Command(connection,
                "SELECT tenant_id, 0, wrapped_key, master_key_id FROM tg_lookup_keys WHERE master_key_id <> $1 FOR UPDATE", masterKeyId),
            r => new MasterWrappedKey(r.GetString(0), r.GetInt32(1), r.GetFieldValue<byte[]>(2), r.GetString(3)));
        foreach (var key in tenantKeys)
        {
            await ExecuteAsync(connection, "UPDATE tg_tenant_keys SET wrapped_key = $3, master_key_id = $4 WHERE tenant_id = $1 AND version = $2",
                key.TenantId, key.Version, rewrap(key), masterKeyId);
        }

        foreach (var key in lookupKeys)
        {
            await ExecuteAsync(connection, "UPDATE tg_lookup_keys SET wrapped_key = $2, master_key_id = $3 WHERE tenant_id = $1",
                key.TenantId, rewrap(key), masterKeyId);
        }

        await transaction.CommitAsync();
        return tenantKeys.Count + lookupKeys.Count;
    });

    private Task<bool> TryInsertAsync(string sql, params object[] values) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        try
        {
            return await command.ExecuteNonQueryAsync() == 1;
        }
        catch (PostgresException e) when (e.SqlState is UniqueViolation or ForeignKeyViolation)
        {
            return false;
        }
    });

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = Command(connection, sql, values);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return command;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<T>();
            while (await reader.ReadAsync())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }
}
