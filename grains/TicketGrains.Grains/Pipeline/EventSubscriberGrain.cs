using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Runs one subscriber's <see cref="SubscriberPump"/> from a grain timer: each tick is one page, so the grain's turn
/// is never held for longer than a page, and the next tick is set to the delay the pump asks for (none while behind).
/// The timer keeps the activation alive; <see cref="SubscriberKeeper"/> starts it again on another silo if its silo dies.
/// A commit anywhere in the cluster (<see cref="PipelineWakeup"/>) brings the next tick forward; a wake-up during a tick
/// makes the next one follow once the gather interval since its start has passed (at once after a full page), since
/// that tick's read may have been just too early for it. A wake-up between ticks sets the next one to the end of that
/// interval too, and leaves a failing subscriber's back-off alone.
/// The timer is only ever moved on the activation's own scheduler: Orleans' grain timer keeps a change made during a
/// tick in plain fields that it reads as the tick ends, so a change made from the committing thread at that moment could
/// be dropped and the subscriber left asleep until its poll (ADR 0038, addendum).
/// </summary>
internal sealed class EventSubscriberGrain(
    IEnumerable<IEventSubscriber> subscribers,
    ICommittedEventSource source,
    ISubscriptionStore store,
    IOptions<PipelineOptions> options,
    PipelineWakeup wakeup,
    ILogger<EventSubscriberGrain> logger) : Grain, IEventSubscriberGrain
{
    private readonly Lock _gate = new();
    private SubscriberPump? _pump;
    private IGrainTimer? _timer;
    private IDisposable? _wakeups;
    private bool _ticking;
    private bool _woken;

    /// <summary>A wake-up is queued on the activation's scheduler and has not run yet: later ones need not queue another.</summary>
    private bool _wakeQueued;

    /// <summary>When the last tick started (a <see cref="Stopwatch"/> timestamp).</summary>
    private long _lastStarted;

    /// <summary>When the timer is set to tick next (a <see cref="Stopwatch"/> timestamp): a wake-up only brings it forward.</summary>
    private long _nextDue;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var name = this.GetPrimaryKeyString();
        var subscriber = subscribers.FirstOrDefault(s => s.Name == name);
        if (subscriber is null)
        {
            // A silo that lacks this subscriber (say, mid-upgrade) must not run or invent it.
            logger.LogWarning("No subscriber named {Subscriber} is registered on this silo", name);
            DeactivateOnIdle();
            return Task.CompletedTask;
        }

        _pump = new SubscriberPump(subscriber, source, store, options.Value, logger);
        _timer = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        _wakeups = wakeup.Register(Wake);
        logger.LogInformation("Subscriber {Subscriber} started", name);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _wakeups?.Dispose();
        try
        {
            // A silo shutting down hands the subscriber over with its checkpoint exact, so its successor repeats nothing.
            await (_pump?.StoreAsync(cancellationToken) ?? Task.CompletedTask);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not store the checkpoint of subscriber {Subscriber} on deactivation", this.GetPrimaryKeyString());
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task EnsureRunningAsync() => Task.CompletedTask;

    /// <summary>Called from any thread when events were committed.</summary>
    private void Wake()
    {
        lock (_gate)
        {
            _woken = true;
            if (_ticking || _wakeQueued)
            {
                // A tick in progress looks at _woken when it ends; a queued wake-up reads the state when it runs.
                return;
            }

            _wakeQueued = true;
        }

        GrainContext.Scheduler.QueueAction(ApplyWake);
    }

    /// <summary>Runs on the activation's scheduler, so never between a tick's end and the timer taking its next due time.</summary>
    private void ApplyWake()
    {
        lock (_gate)
        {
            _wakeQueued = false;
            if (!_ticking && _pump?.WhenWokenBetweenSteps(Stopwatch.GetElapsedTime(_lastStarted)) is { } delay
                && DueAfter(delay) < _nextDue)
            {
                try
                {
                    SetNextTick(delay);
                }
                catch (ObjectDisposedException)
                {
                    // The activation is going away; its successor polls and registers its own wake-up.
                }
            }
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            (_ticking, _woken, _lastStarted) = (true, false, started);
        }

        var delay = TimeSpan.Zero;
        try
        {
            delay = await _pump!.PumpOnceAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _ticking = false;
                SetNextTick(_woken ? _pump!.AfterWake(Stopwatch.GetElapsedTime(started), delay) : delay);
            }
        }
    }

    private void SetNextTick(TimeSpan delay)
    {
        _nextDue = DueAfter(delay);
        _timer!.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private static long DueAfter(TimeSpan delay) => Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
}
