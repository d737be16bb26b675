using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Webhooks;

/// <summary>Webhook subscriptions in tg_webhooks.</summary>
public sealed class WebhookStore(NpgsqlDataSource database)
{
    private const string Columns =
        "tenant_id, webhook_id, url, events, sealed_secret, master_key_id, enabled, disabled_reason, created_by, created_at";

    public Task AddAsync(Webhook webhook, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"INSERT INTO tg_webhooks ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
        foreach (var value in new object?[] { webhook.Tenant, webhook.Id, webhook.Url, webhook.Events.ToArray(), webhook.SealedSecret,
            webhook.MasterKeyId, webhook.Enabled, webhook.DisabledReason, webhook.CreatedBy, webhook.CreatedAt })
        {
            command.Parameters.AddWithValue(value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    });

    public async Task<Webhook?> FindAsync(string tenant, Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync("WHERE tenant_id = $1 AND webhook_id = $2", [tenant, id], cancellationToken)).SingleOrDefault();

    public Task<List<Webhook>> ListAsync(string tenant, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = $1 ORDER BY created_at, webhook_id", [tenant], cancellationToken);

    /// <summary>The enabled subscriptions of the given tenants: one indexed query for a whole page of events.</summary>
    public Task<List<Webhook>> EnabledForAsync(IReadOnlyCollection<string> tenants, CancellationToken cancellationToken) =>
        QueryAsync("WHERE tenant_id = ANY($1) AND enabled", [tenants.ToArray()], cancellationToken);

    /// <summary>The event types each tenant's enabled webhooks subscribe to, all tenants at once (one small query per page).</summary>
    public Task<Dictionary<string, HashSet<string>>> SubscribedTypesAsync(CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("SELECT tenant_id, events FROM tg_webhooks WHERE enabled");
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tenant = reader.GetString(0);
            if (!types.TryGetValue(tenant, out var set))
            {
                types[tenant] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(reader.GetFieldValue<string[]>(1));
        }

        return types;
    });

    /// <summary>Deletes the subscription and its delivery log; false when the tenant has no such webhook.</summary>
    public Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "WITH gone AS (DELETE FROM tg_webhook_deliveries WHERE tenant_id = $1 AND webhook_id = $2) " +
            "DELETE FROM tg_webhooks WHERE tenant_id = $1 AND webhook_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    });

    public Task DisableAsync(string tenant, Guid id, string reason) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "UPDATE tg_webhooks SET enabled = false, disabled_reason = $3 WHERE tenant_id = $1 AND webhook_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(reason);
        return await command.ExecuteNonQueryAsync();
    });

    private Task<List<Webhook>> QueryAsync(string where, object[] parameters, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM tg_webhooks {where}");
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        var webhooks = new List<Webhook>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            webhooks.Add(new Webhook(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<byte[]>(4), reader.GetString(5), reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return webhooks;
    });
}
