using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Agents;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// The per-silo event writer. Appends from every grain go into one queue; a few loops each take
/// whatever has gathered and commit it as one multi-row statement (group commit), so the number of
/// durable round trips grows with batches, not with calls. Each append completes only after its
/// batch has committed. A missing table is never re-created here: that would restart streams on a partial log, so
/// it is reported to <see cref="SchemaHealth"/>, which refuses every later batch (see there).
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();
    private readonly NpgsqlDataSource _dataSource;
    private readonly SchemaHealth _schema;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly EventLogMetrics _metrics;
    private readonly int _maxBatch;
    private readonly Task[] _loops;
    private readonly ICommitListener[] _listeners;

    public GroupCommitWriter(
        NpgsqlDataSource dataSource,
        SchemaHealth schema,
        IOptions<EventLogOptions> options,
        EventLogMetrics metrics,
        ILogger<GroupCommitWriter> logger,
        IEnumerable<ICommitListener>? listeners = null)
    {
        (_dataSource, _schema, _metrics, _logger) = (dataSource, schema, metrics, logger);
        _listeners = listeners?.ToArray() ?? [];
        _maxBatch = Math.Max(1, options.Value.MaxBatch);
        _loops = Enumerable.Range(0, Math.Max(1, options.Value.Writers)).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    /// <summary>
    /// Completes once the event is committed. Cancelling takes effect only while the append still waits in the queue
    /// (it is then never written); after that the outcome is its batch's.
    /// </summary>
    public Task AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        var pending = new PendingAppend(request, cancellationToken);
        PullTrace.Mark(pending.PullTraceId, "append-enq");
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new StorageUnavailableException("The event writer is shutting down.");
        }

        return pending.Completion.Task;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAppend>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var item))
            {
                if (item.TryTake())
                {
                    batch.Add(item);
                }
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<PendingAppend> taken)
    {
        var batch = RefuseRepeatedVersions(taken);
        HashSet<(string, string, int)> inserted;
        var started = Stopwatch.GetTimestamp();
        try
        {
            _schema.ThrowIfLost();
            TraceBatch(batch, "batch-start");
            inserted = await ExecuteAsync(batch).ConfigureAwait(false);
            TraceBatch(batch, "batch-done");
        }
        catch (Exception e)
        {
            _metrics.Failed(batch.Count, Stopwatch.GetElapsedTime(started));
            if (StorageErrors.IsMissingTable(e))
            {
                _schema.ReportMissingTable(((PostgresException)e).MessageText);
            }

            _logger.LogWarning(e, "Event batch of {Count} failed", batch.Count);
            var error = StorageErrors.Translate(e);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(error);
            }

            return;
        }

        _metrics.Committed(batch.Count, batch.Count - inserted.Count, Stopwatch.GetElapsedTime(started));
        if (inserted.Count > 0)
        {
            foreach (var listener in _listeners)
            {
                listener.Committed();
            }
        }

        foreach (var pending in batch)
        {
            var r = pending.Request;
            if (inserted.Contains((r.TenantId, r.StreamId, r.Version)))
            {
                pending.Completion.TrySetResult();
            }
            else
            {
                pending.Completion.TrySetException(new ConflictException($"Version {r.Version} of {r.StreamId} already exists."));
            }
        }
    }

    [Conditional("PULL_TRACE")]
    private static void TraceBatch(List<PendingAppend> batch, string point)
    {
        foreach (var pending in batch)
        {
            PullTrace.Mark(pending.PullTraceId, point, batch.Count);
        }
    }

    /// <summary>
    /// Two appends of one stream version in one statement would both find their key among the inserted rows, though
    /// only the first row went in: the later ones are conflicts before the statement is even sent.
    /// </summary>
    private static List<PendingAppend> RefuseRepeatedVersions(List<PendingAppend> batch)
    {
        var keys = new HashSet<(string, string, int)>(batch.Count);
        var unique = new List<PendingAppend>(batch.Count);
        foreach (var pending in batch)
        {
            if (keys.Add(pending.Key))
            {
                unique.Add(pending);
            }
            else
            {
                pending.Completion.TrySetException(new ConflictException($"Version {pending.Request.Version} of {pending.Request.StreamId} is already being appended."));
            }
        }

        return unique;
    }

    private async Task<HashSet<(string, string, int)>> ExecuteAsync(List<PendingAppend> batch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = BatchInsertCommand.Build(connection, batch);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var inserted = new HashSet<(string, string, int)>(batch.Count);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            inserted.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return inserted;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }
}
