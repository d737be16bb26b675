using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels;

/// <summary>Configured channels in tg_channels. A channel id is unique across tenants: the inbound address names only it.</summary>
public sealed class ChannelStore(NpgsqlDataSource database)
{
    private const string Columns =
        "tenant_id, channel_id, type, name, sealed_settings, master_key_id, setting_names, threading::text, created_by, created_at, updated_at";

    public Task AddAsync(StoredChannel channel, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_channels (tenant_id, channel_id, type, name, sealed_settings, master_key_id, setting_names, threading, created_by, created_at, updated_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11)");
        AddValues(command, channel);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    /// <summary>Replaces type, name and settings; false when the tenant has no such channel.</summary>
    public Task<bool> ReplaceAsync(StoredChannel c, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "UPDATE tg_channels SET type = $3, name = $4, sealed_settings = $5, master_key_id = $6, setting_names = $7, threading = $8::jsonb, " +
            "updated_at = $9 WHERE tenant_id = $1 AND channel_id = $2");
        foreach (var value in new object?[] { c.Tenant, c.Id, c.Type, c.Name, c.SealedSettings, c.MasterKeyId, c.SettingNames.ToArray(), c.ThreadingJson, c.UpdatedAt })
        {
            command.Parameters.AddWithValue(value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    });

    public Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "WITH gone AS (DELETE FROM tg_channel_cursors WHERE tenant_id = $1 AND channel_id = $2) " +
            "DELETE FROM tg_channels WHERE tenant_id = $1 AND channel_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    });

    public async Task<StoredChannel?> FindAsync(string tenant, Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE tenant_id = $1 AND channel_id = $2", [tenant, id], cancellationToken)).SingleOrDefault();

    /// <summary>The channel behind an inbound address, whatever its tenant.</summary>
    public async Task<StoredChannel?> FindAnyTenantAsync(Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE channel_id = $1", [id], cancellationToken)).SingleOrDefault();

    public Task<List<StoredChannel>> ListAsync(string tenant, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 ORDER BY created_at, channel_id", [tenant], cancellationToken);

    public Task<List<StoredChannel>> OfTypeAsync(string type, CancellationToken cancellationToken) =>
        QueryAsync("WHERE type = $1 ORDER BY tenant_id, channel_id", [type], cancellationToken);

    private static void AddValues(NpgsqlCommand command, StoredChannel c)
    {
        foreach (var value in new object?[] { c.Tenant, c.Id, c.Type, c.Name, c.SealedSettings, c.MasterKeyId, c.SettingNames.ToArray(),
            c.ThreadingJson, c.CreatedBy, c.CreatedAt, c.UpdatedAt })
        {
            command.Parameters.AddWithValue(value ?? DBNull.Value);
        }
    }

    private Task<List<StoredChannel>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM tg_channels {where}");
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var channels = new List<StoredChannel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(new StoredChannel(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<byte[]>(4), reader.GetString(5), reader.GetFieldValue<string[]>(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return channels;
    });
}
