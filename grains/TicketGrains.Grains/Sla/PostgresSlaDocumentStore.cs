using Npgsql;
using NpgsqlTypes;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Sla;

/// <summary>tg_sla_documents: one row per version of each document.</summary>
public sealed class PostgresSlaDocumentStore(NpgsqlDataSource dataSource) : ISlaDocumentStore
{
    public Task<IReadOnlyList<SlaDocumentRow>> CurrentAsync(string tenantId) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand("""
            SELECT DISTINCT ON (kind, name) kind, name, version, body::text, updated_by, updated_at
              FROM tg_sla_documents WHERE tenant_id = $1 ORDER BY kind, name, version DESC
            """);
        command.Parameters.AddWithValue(tenantId);
        var rows = new List<SlaDocumentRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new SlaDocumentRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return (IReadOnlyList<SlaDocumentRow>)rows;
    });

    public Task AddVersionAsync(string tenantId, SlaDocumentRow row) => StorageErrors.Guard(async () =>
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO tg_sla_documents (tenant_id, kind, name, version, body, updated_by, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue(tenantId);
        command.Parameters.AddWithValue(row.Kind);
        command.Parameters.AddWithValue(row.Name);
        command.Parameters.AddWithValue(row.Version);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, row.Body);
        command.Parameters.AddWithValue(row.UpdatedBy);
        command.Parameters.AddWithValue(row.UpdatedAt);
        if (await command.ExecuteNonQueryAsync() == 0)
        {
            // Only a second activation of the tenant's grain (during a silo loss) can have written this version first.
            throw new ConflictException($"Version {row.Version} of {row.Kind} '{row.Name}' was written concurrently; retry.");
        }

        return true;
    });
}
