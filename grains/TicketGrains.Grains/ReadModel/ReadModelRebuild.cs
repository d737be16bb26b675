using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketGrains.Grains.ReadModel;

/// <summary>
/// Rebuilds tg_tickets from tg_events alone and swaps it in while the cluster keeps appending. The fill and each
/// catch-up fold the log up to a fenced high-water mark (<see cref="LogFence"/>) into tg_tickets_rebuild, every ticket
/// through the grain's own TicketState; the last catch-up and the swap share one transaction that holds appends back
/// for those moments only, so no committed event is missed and readers see the old table or the new one, never a mix.
/// One rebuild at a time (a session advisory lock on its own connection).
/// </summary>
public sealed class ReadModelRebuild : IAsyncDisposable
{
    /// <summary>Catch-ups run without holding appends back until at most this many positions are left for the locked one.</summary>
    public const long LockedCatchUpLimit = 1000;

    private const long LockKey = 0x72656275696c64; // "rebuild"
    private const int Attempts = 5;

    private readonly NpgsqlConnection _connection;
    private readonly TicketLogReader _log;
    private readonly ILogger _logger;
    private long _mark;
    private bool _locked;
    private bool _swapped;

    private ReadModelRebuild(NpgsqlConnection connection, NpgsqlDataSource dataSource, ILogger logger)
    {
        (_connection, _log, _logger) = (connection, new TicketLogReader(dataSource), logger);
    }

    /// <summary>The whole rebuild: fill, catch up while much is new, swap.</summary>
    public static async Task<RebuildSummary> RunAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        await using var rebuild = await BeginAsync(dataSource, logger, cancellationToken);
        await rebuild.FillAsync(cancellationToken);
        for (var round = 1; round < Attempts && await rebuild.BacklogAsync(cancellationToken) > LockedCatchUpLimit; round++)
        {
            await rebuild.CatchUpAsync(cancellationToken);
        }

        return await rebuild.SwapAsync(cancellationToken);
    }

    /// <summary>Takes the rebuild lock and makes an empty tg_tickets_rebuild; throws when another rebuild runs.</summary>
    public static async Task<ReadModelRebuild> BeginAsync(NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken)
    {
        var rebuild = new ReadModelRebuild(await dataSource.OpenConnectionAsync(cancellationToken), dataSource, logger);
        try
        {
            rebuild._locked = await RebuildSql.ScalarAsync<bool>(rebuild._connection, null, $"SELECT pg_try_advisory_lock({LockKey})", cancellationToken);
            if (!rebuild._locked)
            {
                throw new InvalidOperationException("Another rebuild of the read model is running.");
            }

            await FreshTicketTable.CreateAsync(rebuild._connection, cancellationToken);
            return rebuild;
        }
        catch
        {
            await rebuild.DisposeAsync();
            throw;
        }
    }

    /// <summary>Folds every ticket of the log up to a fresh mark into the new table.</summary>
    public async Task FillAsync(CancellationToken cancellationToken)
    {
        var mark = await LogFence.MarkAsync(_connection, cancellationToken);
        var tickets = await FreshTicketTable.WriteAsync(_connection, _log.ReadAsync(0, mark, cancellationToken), cancellationToken);
        await RebuildSql.ExecuteAsync(_connection, null, $"ANALYZE {FreshTicketTable.Name}", cancellationToken);
        _mark = mark;
        _logger.LogInformation("Read model rebuild: {Tickets} tickets folded from the log up to position {Position}", tickets, mark);
    }

    /// <summary>Refolds, up to a fresh mark, the tickets that gained events since the last one.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var mark = await LogFence.MarkAsync(_connection, cancellationToken);
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        var tickets = await CatchUpToAsync(mark, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _logger.LogInformation("Read model rebuild: {Tickets} tickets caught up from position {From} to {To}", tickets, _mark, mark);
        _mark = mark;
    }

    /// <summary>With appends held back: the last catch-up, then the new table replaces tg_tickets.</summary>
    public async Task<RebuildSummary> SwapAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
            try
            {
                var mark = await LogFence.HoldAsync(_connection, transaction, cancellationToken);
                var caughtUp = await CatchUpToAsync(mark, cancellationToken);
                var tickets = await ReadModelSwap.ReplaceAsync(_connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                (_mark, _swapped) = (mark, true);
                _logger.LogInformation(
                    "Read model rebuilt: {Tickets} tickets as of position {Position} ({CaughtUp} caught up during the swap)", tickets, mark, caughtUp);
                return new RebuildSummary(tickets, mark);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable && attempt < Attempts)
            {
                _logger.LogWarning("Read model rebuild: the swap waited too long for a lock (attempt {Attempt}); trying again", attempt);
            }
        }
    }

    /// <summary>Drops the new table unless it was swapped in, and releases the rebuild lock.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_locked && _connection.State == ConnectionState.Open)
            {
                if (!_swapped)
                {
                    await FreshTicketTable.DropAsync(_connection, CancellationToken.None);
                }

                // Pooled connections are not reset (NoResetOnClose), so a session lock would outlive this rebuild.
                await RebuildSql.ExecuteAsync(_connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        catch (NpgsqlException e)
        {
            // A broken connection ends its session, and the lock and the unfinished table's visibility with it.
            _logger.LogWarning(e, "Read model rebuild: could not clean up after itself");
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<long> BacklogAsync(CancellationToken cancellationToken) =>
        await RebuildSql.ScalarAsync<long>(_connection, null, "SELECT coalesce(max(position), 0) FROM tg_events", cancellationToken) - _mark;

    private async Task<int> CatchUpToAsync(long mark, CancellationToken cancellationToken)
    {
        var rows = await _log.ReadAsync(_mark, mark, cancellationToken).ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            await FreshTicketTable.DeleteAsync(_connection, rows, cancellationToken);
            await FreshTicketTable.WriteAsync(_connection, rows.ToAsyncEnumerable(), cancellationToken);
        }

        return rows.Count;
    }
}
