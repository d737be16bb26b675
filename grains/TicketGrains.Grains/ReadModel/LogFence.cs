using Npgsql;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// The log's high-water mark for a rebuild. A position is drawn from an identity while the appending statement runs,
/// so an append that commits late can hold a lower position than one already visible: max(position) alone may have a
/// gap below it that fills later. Under a SHARE lock on tg_events, which waits for every append in flight and holds new
/// ones back, there is no such gap: every event at or below the mark has committed, every later one will lie above it.
/// </summary>
internal static class LogFence
{
    private const int Attempts = 5;

    /// <summary>Within the transaction: waits for the appends in flight and holds new ones back until it ends; returns the mark.</summary>
    public static async Task<long> HoldAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Queued behind a slow append, the lock request would hold back every append queued behind it: give up and try again.
        await RebuildSql.ExecuteAsync(connection, transaction, "SET LOCAL lock_timeout = '5s'", cancellationToken);
        await RebuildSql.ExecuteAsync(connection, transaction, "LOCK TABLE tg_events IN SHARE MODE", cancellationToken);
        return await RebuildSql.ScalarAsync<long>(connection, transaction, "SELECT coalesce(max(position), 0) FROM tg_events", cancellationToken);
    }

    /// <summary>A mark, holding appends back only for the moment it takes.</summary>
    public static async Task<long> MarkAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var mark = await HoldAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return mark;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < Attempts)
            {
                // Disposing the transaction rolls it back; the next attempt queues afresh.
            }
        }
    }
}
