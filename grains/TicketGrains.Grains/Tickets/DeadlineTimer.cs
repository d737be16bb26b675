namespace TicketGrains.Grains.Tickets;

/// <summary>A one-shot grain timer for a ticket deadline, re-armed whenever the deadline changes. It dies with the activation.</summary>
internal sealed class DeadlineTimer(Grain grain, TimeProvider time, Func<Task> onDue)
{
    private IGrainTimer? _timer;

    public bool Armed => _timer is not null;

    /// <summary>Fires once at <paramref name="due"/> (at once if it passed); no deadline disarms it.</summary>
    public void Arm(DateTimeOffset? due)
    {
        Disarm();
        if (due is { } at)
        {
            var dueIn = at - time.GetUtcNow();
            _timer = grain.RegisterGrainTimer(_ => onDue(), dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    public void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
