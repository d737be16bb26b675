namespace TicketGrains.Grains.Pipeline;

/// <summary>Durable checkpoints and failure records of subscribers.</summary>
public interface ISubscriptionStore
{
    /// <summary>
    /// The subscriber's stored checkpoint; on its first run, creates it at the stored checkpoint of
    /// <paramref name="takesOverFrom"/> when that subscriber has one, else where <paramref name="start"/> says. Then
    /// creates the checkpoint of <paramref name="handsOverTo"/> at this one's, when that subscriber has none yet.
    /// </summary>
    Task<Checkpoint> OpenAsync(string name, SubscriberStart start, string? takesOverFrom, string? handsOverTo, CancellationToken cancellationToken);

    /// <summary>Moves the checkpoint forward (never back; the same one again is allowed) and clears the failure count.</summary>
    Task SaveAsync(string name, Checkpoint reached, CancellationToken cancellationToken);

    /// <summary>Records the latest failure and how many happened in a row.</summary>
    Task RecordFailureAsync(string name, int attempts, string error, CancellationToken cancellationToken);
}
