using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Macros;

/// <summary>tg_macros: each tenant's macros and canned replies.</summary>
public sealed class MacroStore(NpgsqlDataSource database, TimeProvider time)
{
    /// <summary>Most macros a tenant keeps; a list the agent picks from should stay short.</summary>
    public const int MaxPerTenant = 500;

    private const string Columns = "macro_id, title, body, status, internal, updated_by, updated_at";

    /// <summary>The tenant's macros by title.</summary>
    public Task<List<Macro>> ListAsync(string tenant, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM tg_macros WHERE tenant_id = $1 ORDER BY title, macro_id LIMIT $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(MaxPerTenant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var macros = new List<Macro>();
        while (await reader.ReadAsync(cancellationToken))
        {
            macros.Add(Read(reader));
        }

        return macros;
    });

    /// <summary>
    /// Creates or replaces the macro; null when the tenant has <see cref="MaxPerTenant"/> others already. The count and
    /// the write are one statement, so two creates at once cannot both pass the limit by much (each sees the other's row
    /// only once committed; the limit is a guard against a runaway script, not a quota).
    /// </summary>
    public Task<Macro?> PutAsync(string tenant, string id, PutMacroRequest request, string actor, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand($"""
            INSERT INTO tg_macros (tenant_id, macro_id, title, body, status, internal, updated_by, updated_at)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8
             WHERE (SELECT count(*) FROM tg_macros WHERE tenant_id = $1 AND macro_id <> $2) < $9
            ON CONFLICT (tenant_id, macro_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, status = EXCLUDED.status,
                internal = EXCLUDED.internal, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(request.Title!.Trim());
        command.Parameters.AddWithValue(request.Body!);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)request.Status ?? DBNull.Value);
        command.Parameters.AddWithValue(request.Internal ?? false);
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue(time.GetUtcNow());
        command.Parameters.AddWithValue((long)MaxPerTenant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    });

    /// <summary>Whether there was such a macro to delete.</summary>
    public Task<bool> DeleteAsync(string tenant, string id, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("DELETE FROM tg_macros WHERE tenant_id = $1 AND macro_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    });

    private static Macro Read(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6));
}
