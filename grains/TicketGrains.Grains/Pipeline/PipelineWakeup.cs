using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Wakes this silo's subscriber pumps when events were committed, here or (through <see cref="CommitNotifier"/>) on
/// another silo, so a subscriber that has caught up reads new events within milliseconds instead of at its next poll.
/// Polling stays as the fallback: a lost wake-up only delays, never skips.
/// </summary>
public sealed class PipelineWakeup : ICommitListener
{
    private readonly Lock _gate = new();
    private readonly List<Action> _pumps = [];
    private Action? _committedHere;
    private long _wakeUps;

    /// <summary>How many times the pumps were woken so far: a read that started at a lower count may miss a commit.</summary>
    public long WakeUps => Interlocked.Read(ref _wakeUps);

    /// <summary>Called (at once, on the writer's thread) after every batch this silo committed.</summary>
    public void Committed()
    {
        WakeAll();
        _committedHere?.Invoke();
    }

    /// <summary>Wakes every registered pump: events were committed somewhere in the cluster.</summary>
    public void WakeAll()
    {
        // Counted before the pumps hear of it, so a read a woken pump starts is known to have begun after the commit.
        Interlocked.Increment(ref _wakeUps);
        Action[] pumps;
        lock (_gate)
        {
            pumps = [.. _pumps];
        }

        foreach (var wake in pumps)
        {
            wake();
        }
    }

    /// <summary>Registers a pump's wake-up; disposing the result removes it.</summary>
    public IDisposable Register(Action wake)
    {
        lock (_gate)
        {
            _pumps.Add(wake);
        }

        return new Registration(this, wake);
    }

    /// <summary>Lets the notifier hear of this silo's commits, to tell the other silos.</summary>
    internal void OnCommittedHere(Action notify) => _committedHere = notify;

    private void Unregister(Action wake)
    {
        lock (_gate)
        {
            _pumps.Remove(wake);
        }
    }

    private sealed class Registration(PipelineWakeup owner, Action wake) : IDisposable
    {
        public void Dispose() => owner.Unregister(wake);
    }
}
