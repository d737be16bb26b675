namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// A place in the log, in the order the pipeline walks it: by writing transaction, then by position.
/// A subscriber's checkpoint is the last event it has handled; it resumes with the events after it.
/// </summary>
public readonly record struct Checkpoint(ulong TransactionId, long Position) : IComparable<Checkpoint>
{
    /// <summary>Before the first event ever written (positions start at 1).</summary>
    public static Checkpoint Beginning { get; } = new(0, 0);

    /// <summary>The checkpoint a subscriber reaches by handling <paramref name="committed"/>.</summary>
    public static Checkpoint After(CommittedEvent committed) => new(committed.TransactionId, committed.Position);

    /// <summary>The checkpoint a subscriber reaches by passing <paramref name="header"/>'s event, handled or not wanted.</summary>
    public static Checkpoint After(EventHeader header) => new(header.TransactionId, header.Position);

    public int CompareTo(Checkpoint other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Position.CompareTo(other.Position);
    }

    public static bool operator <(Checkpoint left, Checkpoint right) => left.CompareTo(right) < 0;

    public static bool operator >(Checkpoint left, Checkpoint right) => left.CompareTo(right) > 0;

    public static bool operator <=(Checkpoint left, Checkpoint right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Checkpoint left, Checkpoint right) => left.CompareTo(right) >= 0;
}
