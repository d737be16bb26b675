using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Tests.Pipeline;

/// <summary>A committed log in memory, read in pipeline order; can be told to fail its next reads.</summary>
internal sealed class LogInMemory : ICommittedEventSource
{
    private readonly List<CommittedEvent> _events = [];

    public int FailNextReads { get; set; }

    public List<Checkpoint> ReadsAfter { get; } = [];

    public CommittedEvent Append(ulong transaction, long position, string stream = "ticket-1", int version = 1)
    {
        var committed = new CommittedEvent(transaction, position, "shop-1", stream, version, "TicketCreated", "{}", DateTimeOffset.UnixEpoch);
        _events.Add(committed);
        return committed;
    }

    public Task<IReadOnlyList<CommittedEvent>> ReadAfterAsync(Checkpoint after, int limit, CancellationToken cancellationToken)
    {
        ReadsAfter.Add(after);
        if (FailNextReads > 0)
        {
            FailNextReads--;
            throw new InvalidOperationException("database unreachable");
        }

        IReadOnlyList<CommittedEvent> page = [.. _events.Where(e => Checkpoint.After(e) > after).OrderBy(Checkpoint.After).Take(limit)];
        return Task.FromResult(page);
    }
}
