using System.Collections;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// A page read from the log, and whether the reader has seen the head of the log with it. A page falls short of the head
/// when committed events follow it that the read had to leave for later, because they committed after a transaction that
/// is still running and may yet add events in front of them (<see cref="ICommittedEventSource"/>); or when it was served
/// from what an earlier read kept after commits woke the silo (<see cref="HeaderSegment"/>). The reader then comes back
/// soon instead of at its next poll: the end of a transaction that wrote no events wakes nobody.
/// </summary>
public sealed class LogPage<T>(IReadOnlyList<T> items, bool shortOfHead) : IReadOnlyList<T>
{
    public static LogPage<T> Empty { get; } = new([], false);

    /// <summary>Committed events follow this page, or may: read again soon.</summary>
    public bool ShortOfHead { get; } = shortOfHead;

    public int Count => items.Count;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
