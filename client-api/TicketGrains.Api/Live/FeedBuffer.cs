using System.Threading.Channels;
using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Live;

/// <summary>
/// Live batches waiting to be written to one listener, bounded by the number of changes. A batch that does not fit is
/// not kept: the buffer marks itself overflowed instead (one null item in the queue), and the listener then reads what
/// it missed from the event log. Nothing is dropped silently, and a slow listener costs no more memory than the bound.
/// </summary>
internal sealed class FeedBuffer(int capacity)
{
    private readonly Channel<TicketChangeBatch?> _queue = Channel.CreateUnbounded<TicketChangeBatch?>(new UnboundedChannelOptions { SingleReader = true });
    private int _buffered;
    private int _overflowed;

    /// <summary>Called by the stream subscription for every batch; never blocks.</summary>
    public void Offer(TicketChangeBatch batch)
    {
        if (Interlocked.Add(ref _buffered, batch.Changes.Count) > capacity)
        {
            Interlocked.Add(ref _buffered, -batch.Changes.Count);
            if (Interlocked.Exchange(ref _overflowed, 1) == 0)
            {
                _queue.Writer.TryWrite(null);
            }

            return;
        }

        _queue.Writer.TryWrite(batch);
    }

    /// <summary>No more batches will come (the subscription failed): the listener ends after what is queued.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>False once the buffer is complete and empty.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _queue.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The next batch, or null when batches were refused since the last take (the log must be read).</summary>
    public bool TryTake(out TicketChangeBatch? batch)
    {
        if (!_queue.Reader.TryRead(out batch))
        {
            return false;
        }

        if (batch is null)
        {
            Volatile.Write(ref _overflowed, 0);
        }
        else
        {
            Interlocked.Add(ref _buffered, -batch.Changes.Count);
        }

        return true;
    }
}
