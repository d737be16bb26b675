using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Surges;

/// <summary>
/// Runs a page of new tickets through the stored detectors in one transaction: each tenant's high-water key is locked
/// first, its detectors read, the page applied (<see cref="SurgePage"/>), and the detectors, new and ended surges, their
/// incidents and the key written back together. A page delivered again, or two overlapping activations, count each
/// ticket once, and a restart finds every surge in progress where it was.
/// </summary>
public sealed class SurgeDetectorStore(NpgsqlDataSource database, IOptions<SurgeOptions> options, TimeProvider time)
{
    private const string HighWaterTable = "tg_surge_high_water";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync(IReadOnlyList<SurgeTicket> tickets, CancellationToken cancellationToken)
    {
        string[] tenants = [.. tickets.Select(t => t.Tenant).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var keys = await TenantHighWater.LockAsync(connection, HighWaterTable, tenants, cancellationToken);
        var detectors = await DetectorsAsync(connection, tenants, cancellationToken);
        foreach (var tenant in tenants)
        {
            var page = new SurgePage(tenant, detectors.GetValueOrDefault(tenant) ?? [], keys[tenant], options.Value);
            page.Apply(tickets);
            await SaveAsync(connection, tenant, page, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SaveAsync(NpgsqlConnection connection, string tenant, SurgePage page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string[] changed = [.. page.Changed];
        await TenantHighWater.ExecuteAsync(connection, """
            INSERT INTO tg_surge_detectors AS d (tenant_id, category, state, updated_at)
            SELECT $1, c, s::jsonb, $4 FROM unnest($2::text[], $3::text[]) AS x(c, s)
            ON CONFLICT (tenant_id, category) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """, cancellationToken, tenant, changed, changed.Select(c => JsonSerializer.Serialize(page.Detectors[c], Json)).ToArray(), now);
        foreach (var signal in page.Signals)
        {
            await (signal.Detected ? InsertSurgeAsync(connection, tenant, page.Categories[signal.SurgeId], signal, cancellationToken)
                : EndSurgeAsync(connection, tenant, signal, cancellationToken));
        }

        var incidents = page.Signals.Where(s => s.Detected).SelectMany(s => s.Incidents.Select(i => (s.SurgeId, Incident: i))).Concat(page.Incidents).ToList();
        if (incidents.Count > 0)
        {
            await TenantHighWater.ExecuteAsync(connection, """
                INSERT INTO tg_surge_incidents (tenant_id, surge_id, ticket_id, customer_id, has_order, created_at)
                SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::boolean[], $6::timestamptz[]) ON CONFLICT DO NOTHING
                """, cancellationToken, tenant, incidents.Select(i => i.SurgeId).ToArray(), incidents.Select(i => i.Incident.TicketId).ToArray(),
                incidents.Select(i => i.Incident.CustomerId).ToArray(), incidents.Select(i => i.Incident.HasOrder).ToArray(),
                incidents.Select(i => i.Incident.At).ToArray());
        }

        await TenantHighWater.MoveAsync(connection, HighWaterTable, new Dictionary<string, Checkpoint> { [tenant] = page.HighWater }, cancellationToken);
    }

    private static Task InsertSurgeAsync(NpgsqlConnection connection, string tenant, string category, SurgeSignal s, CancellationToken cancellationToken) =>
        TenantHighWater.ExecuteAsync(connection, """
            INSERT INTO tg_surges (tenant_id, surge_id, category, state, started_at, detected_at, window_count, expected, threshold, peak_count)
            VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
            """, cancellationToken, tenant, s.SurgeId, category, s.StartedAt, s.At, s.WindowCount, s.Expected, s.Threshold, s.PeakCount);

    private static Task EndSurgeAsync(NpgsqlConnection connection, string tenant, SurgeSignal s, CancellationToken cancellationToken) =>
        TenantHighWater.ExecuteAsync(connection,
            "UPDATE tg_surges SET state = 'ended', ended_at = $3, peak_count = $4 WHERE tenant_id = $1 AND surge_id = $2 AND state = 'active'",
            cancellationToken, tenant, s.SurgeId, s.At, s.PeakCount);

    private static async Task<Dictionary<string, Dictionary<string, SurgeDetectorState>>> DetectorsAsync(
        NpgsqlConnection connection, string[] tenants, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT tenant_id, category, state::text FROM tg_surge_detectors WHERE tenant_id = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var detectors = new Dictionary<string, Dictionary<string, SurgeDetectorState>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tenant = reader.GetString(0);
            var of = detectors.TryGetValue(tenant, out var known) ? known : detectors[tenant] = new Dictionary<string, SurgeDetectorState>(StringComparer.Ordinal);
            of[reader.GetString(1)] = JsonSerializer.Deserialize<SurgeDetectorState>(reader.GetString(2), Json)!;
        }

        return detectors;
    }
}
