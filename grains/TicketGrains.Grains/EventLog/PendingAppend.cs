namespace TicketGrains.Grains.EventLog;

/// <summary>An append waiting in the group-commit queue, completed when its batch commits.</summary>
internal sealed class PendingAppend(AppendRequest request)
{
    public AppendRequest Request { get; } = request;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
