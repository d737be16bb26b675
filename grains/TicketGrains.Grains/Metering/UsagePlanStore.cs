using System.Text.Json;
using Npgsql;

namespace TicketGrains.Grains.Metering;

/// <summary>Plans (tg_usage_plans) and quota warnings (tg_usage_warnings).</summary>
public sealed class UsagePlanStore(NpgsqlDataSource database)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string SaveSql = """
        INSERT INTO tg_usage_plans (tenant_id, plan, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, $4)
        ON CONFLICT (tenant_id) DO UPDATE SET plan = excluded.plan, updated_by = excluded.updated_by, updated_at = excluded.updated_at
        """;

    private const string WarnSql = """
        INSERT INTO tg_usage_warnings (tenant_id, quota, period_start, used, quota_limit, warned_at) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT DO NOTHING
        """;

    public async Task<UsagePlan> ReadAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT plan::text FROM tg_usage_plans WHERE tenant_id = $1");
        command.Parameters.AddWithValue(tenant);
        return await command.ExecuteScalarAsync(cancellationToken) is string plan ? Parse(plan) : UsagePlan.Default;
    }

    public async Task SaveAsync(string tenant, UsagePlan plan, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SaveSql);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(JsonSerializer.Serialize(plan, Json));
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records a soft quota reached; true only the first time for its tenant, quota and period.</summary>
    public async Task<bool> WarnAsync(string tenant, QuotaCrossing crossing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(WarnSql);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(crossing.Quota);
        command.Parameters.AddWithValue(crossing.PeriodStart);
        command.Parameters.AddWithValue(crossing.Used);
        command.Parameters.AddWithValue(crossing.Limit);
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The tenant's warnings, newest first.</summary>
    public async Task<List<QuotaWarning>> WarningsAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT quota, period_start, used, quota_limit, warned_at FROM tg_usage_warnings WHERE tenant_id = $1 ORDER BY warned_at DESC, quota LIMIT $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var warnings = new List<QuotaWarning>();
        while (await reader.ReadAsync(cancellationToken))
        {
            warnings.Add(new QuotaWarning(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2), reader.GetInt64(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return warnings;
    }

    internal static UsagePlan Parse(string json) =>
        JsonSerializer.Deserialize<UsagePlan>(json, Json) ?? throw new InvalidOperationException("A stored usage plan is empty.");
}
