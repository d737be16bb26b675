using TicketGrains.Grains.Agents;

namespace TicketGrains.Grains.EventLog;

/// <summary>
/// An append waiting in the group-commit queue, completed when its batch commits. Until a writer loop takes it, its
/// caller can cancel it and it is never written; once taken, its batch alone decides (an insert cannot be half undone).
/// </summary>
internal sealed class PendingAppend
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly CancellationTokenRegistration _cancellation;
    private int _stage;

    public PendingAppend(AppendRequest request, CancellationToken cancellationToken)
    {
        Request = request;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(() =>
            {
                if (Interlocked.CompareExchange(ref _stage, Cancelled, Queued) == Queued)
                {
                    Completion.TrySetCanceled(cancellationToken);
                }
            });
        }
    }

    public AppendRequest Request { get; }

    /// <summary>The agent pull this append belongs to, if any (only with pull tracing compiled in).</summary>
    public long PullTraceId { get; } = PullTrace.Current;

    public (string Tenant, string Stream, int Version) Key => (Request.TenantId, Request.StreamId, Request.Version);

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Claims the append for a batch; false when its caller cancelled it first.</summary>
    public bool TryTake()
    {
        _cancellation.Dispose();
        return Interlocked.CompareExchange(ref _stage, Taken, Queued) == Queued;
    }
}
