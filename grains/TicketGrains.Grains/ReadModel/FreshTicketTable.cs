using Npgsql;
using NpgsqlTypes;

namespace TicketGrains.Grains.ReadModel;

/// <summary>The table a rebuild fills beside the live tg_tickets: its exact shape (columns, constraints, indexes), no rows.</summary>
internal static class FreshTicketTable
{
    public const string Name = "tg_tickets_rebuild";

    private const string Copy = $"""
        COPY {Name} (tenant_id, ticket_id, version, status, category, priority, queue, customer_id, assignee, channel, subject,
                     created_at, updated_at, sla_due_at, claim_due_at, tier, skills, skipped_agents) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>Replaces what an interrupted rebuild may have left with an empty copy of tg_tickets' definition.</summary>
    public static Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        RebuildSql.ExecuteAsync(connection, null, $"DROP TABLE IF EXISTS {Name}; CREATE TABLE {Name} (LIKE tg_tickets INCLUDING ALL)", cancellationToken);

    public static Task DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        RebuildSql.ExecuteAsync(connection, null, $"DROP TABLE IF EXISTS {Name}", cancellationToken);

    /// <summary>Writes the rows with binary COPY, typed as the live writer types them (so timestamps round alike); returns how many.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, IAsyncEnumerable<RebuiltRow> rows, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var importer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        importer.Timeout = TimeSpan.Zero;
        await foreach (var (tenant, version, row) in rows.WithCancellation(cancellationToken))
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(tenant, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.TicketId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(version, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Status, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Category, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Priority, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Queue, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.CustomerId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(importer, row.Assignee, cancellationToken);
            await importer.WriteAsync(row.Channel, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.Subject, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(importer, row.SlaDueAt?.UtcDateTime, cancellationToken);
            await WriteNullableAsync(importer, row.ClaimDueAt?.UtcDateTime, cancellationToken);
            await WriteNullableAsync(importer, row.Tier, cancellationToken);
            await importer.WriteAsync(TicketRow.Split(row.Skills), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(TicketRow.Split(row.SkippedAgents), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            count++;
        }

        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>Removes the rows of these tickets, so they can be written again as of a later position.</summary>
    public static async Task DeleteAsync(NpgsqlConnection connection, IReadOnlyList<RebuiltRow> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"DELETE FROM {Name} WHERE (tenant_id, ticket_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.TenantId)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. rows.Select(r => r.Row.TicketId)] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, DateTime? value, CancellationToken cancellationToken) =>
        value is { } at ? importer.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
