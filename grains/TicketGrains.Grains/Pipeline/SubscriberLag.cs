namespace TicketGrains.Grains.Pipeline;

/// <summary>How far one subscriber is behind the head of the log.</summary>
/// <param name="Name">The subscriber's name.</param>
/// <param name="Checkpoint">The last event it has handled.</param>
/// <param name="HeadPosition">The highest position written to the log (0 when it is empty).</param>
/// <param name="EventsBehind">Committed events after its checkpoint.</param>
/// <param name="SecondsBehind">Age of the oldest of those events (0 when there are none).</param>
/// <param name="Attempts">Failures in a row on the page it is retrying; 0 when healthy.</param>
/// <param name="LastError">The latest failure, kept after recovery.</param>
/// <param name="LastErrorAt">When that failure happened.</param>
/// <param name="UpdatedAt">When its checkpoint last moved.</param>
public sealed record SubscriberLag(
    string Name,
    Checkpoint Checkpoint,
    long HeadPosition,
    long EventsBehind,
    double SecondsBehind,
    int Attempts,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset UpdatedAt);
