using Npgsql;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels;

/// <summary>
/// Where a pull-type channel (WeCom sync_msg) has read up to, per account, in tg_channel_cursors. Moved only after the
/// page before it is stored, so a crash repeats a page (its messages are repeats) and never skips one.
/// </summary>
public sealed class PullCursorStore(NpgsqlDataSource database)
{
    public Task<string?> ReadAsync(string tenant, Guid channelId, string account, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT cursor FROM tg_channel_cursors WHERE tenant_id = $1 AND channel_id = $2 AND account = $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(channelId);
        command.Parameters.AddWithValue(account);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    });

    /// <summary>The accounts of the channel that were pulled before (what a catch-up pull resumes).</summary>
    public Task<List<string>> AccountsAsync(string tenant, Guid channelId, CancellationToken cancellationToken) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand("SELECT account FROM tg_channel_cursors WHERE tenant_id = $1 AND channel_id = $2 ORDER BY account");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(channelId);
        var accounts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(reader.GetString(0));
        }

        return accounts;
    });

    public Task SaveAsync(string tenant, Guid channelId, string account, string cursor, DateTimeOffset at, CancellationToken cancellationToken) =>
        StorageErrors.Guard(async () =>
        {
            await using var command = database.CreateCommand(
                "INSERT INTO tg_channel_cursors (tenant_id, channel_id, account, cursor, updated_at) VALUES ($1, $2, $3, $4, $5) " +
                "ON CONFLICT (tenant_id, channel_id, account) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at");
            foreach (var value in new object[] { tenant, channelId, account, cursor, at })
            {
                command.Parameters.AddWithValue(value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken);
        });
}
