using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Tests.Pipeline;

/// <summary>Subscription rows in memory, recording every call; can be told to fail its next saves.</summary>
internal sealed class CheckpointsInMemory : ISubscriptionStore
{
    public Dictionary<string, Checkpoint> Stored { get; } = [];

    public List<(string Name, SubscriberStart Start)> Opened { get; } = [];

    public List<Checkpoint> Saves { get; } = [];

    public List<(int Attempts, string Error)> Failures { get; } = [];

    public int FailNextSaves { get; set; }

    public Task<Checkpoint> OpenAsync(string name, SubscriberStart start, string? takesOverFrom, string? handsOverTo, CancellationToken cancellationToken)
    {
        Opened.Add((name, start));
        var opened = Stored.TryGetValue(name, out var stored) ? stored
            : takesOverFrom is not null && Stored.TryGetValue(takesOverFrom, out var inherited) ? inherited
            : Checkpoint.Beginning;
        if (handsOverTo is not null)
        {
            Stored.TryAdd(handsOverTo, opened);
        }

        return Task.FromResult(opened);
    }

    public Task SaveAsync(string name, Checkpoint reached, CancellationToken cancellationToken)
    {
        if (FailNextSaves > 0)
        {
            FailNextSaves--;
            throw new InvalidOperationException("connection lost");
        }

        Saves.Add(reached);
        Stored[name] = reached;
        return Task.CompletedTask;
    }

    public Task RecordFailureAsync(string name, int attempts, string error, CancellationToken cancellationToken)
    {
        Failures.Add((attempts, error));
        return Task.CompletedTask;
    }
}
