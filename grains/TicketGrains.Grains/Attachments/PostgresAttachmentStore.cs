using Npgsql;
using NpgsqlTypes;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Attachments;

/// <summary>Sealed files in tg_attachments (content as bytea, stored uncompressed: sealed bytes do not compress).</summary>
public sealed class PostgresAttachmentStore(NpgsqlDataSource database) : IAttachmentStore
{
    public Task<bool> PutAsync(SealedAttachment a, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "INSERT INTO tg_attachments (tenant_id, attachment_id, customer_id, sealed_name, content_type, bytes, sealed_key, content, created_at) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, attachment_id) DO NOTHING");
        command.Parameters.AddWithValue(a.Tenant);
        command.Parameters.AddWithValue(a.Id);
        command.Parameters.AddWithValue(a.CustomerId);
        command.Parameters.AddWithValue(a.SealedName);
        command.Parameters.AddWithValue(a.ContentType);
        command.Parameters.AddWithValue(a.Bytes);
        command.Parameters.AddWithValue(a.SealedKey);
        command.Parameters.AddWithValue(NpgsqlDbType.Bytea, a.Content);
        command.Parameters.AddWithValue(a.CreatedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    });

    public Task<SealedAttachment?> GetAsync(string tenant, Guid id, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT customer_id, sealed_name, content_type, bytes, sealed_key, content, created_at FROM tg_attachments " +
            "WHERE tenant_id = $1 AND attachment_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SealedAttachment(tenant, id, reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
            reader.GetFieldValue<byte[]>(5), reader.GetFieldValue<DateTimeOffset>(6));
    });

    public Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("DELETE FROM tg_attachments WHERE tenant_id = $1 AND attachment_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    });

    public Task<int> DeleteOfCustomerAsync(string tenant, Guid customer, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("DELETE FROM tg_attachments WHERE tenant_id = $1 AND customer_id = $2");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customer);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    });
}
