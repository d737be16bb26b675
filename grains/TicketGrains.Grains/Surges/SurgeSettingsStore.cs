using System.Text.Json;
using Npgsql;

namespace TicketGrains.Grains.Surges;

/// <summary>The shop's surge reactions in tg_surge_settings; a tenant without a row has them all off.</summary>
public sealed class SurgeSettingsStore(NpgsqlDataSource database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SurgeSettings> GetAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT settings::text FROM tg_surge_settings WHERE tenant_id = $1");
        command.Parameters.AddWithValue(tenant);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<SurgeSettings>(json, Json)! : SurgeSettings.Off;
    }

    public async Task PutAsync(string tenant, SurgeSettings settings, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO tg_surge_settings (tenant_id, settings, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, $4)
            ON CONFLICT (tenant_id) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(JsonSerializer.Serialize(settings, Json));
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue(at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
