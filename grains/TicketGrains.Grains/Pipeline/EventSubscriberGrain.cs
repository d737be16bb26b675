using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// Runs one subscriber's <see cref="SubscriberPump"/> from a grain timer: each tick is one page, so the grain's turn
/// is never held for longer than a page, and the next tick is set to the delay the pump asks for (none while behind).
/// The timer keeps the activation alive; <see cref="SubscriberKeeper"/> starts it again on another silo if its silo dies.
/// </summary>
internal sealed class EventSubscriberGrain(
    IEnumerable<IEventSubscriber> subscribers,
    ICommittedEventSource source,
    ISubscriptionStore store,
    IOptions<PipelineOptions> options,
    ILogger<EventSubscriberGrain> logger) : Grain, IEventSubscriberGrain
{
    private SubscriberPump? _pump;
    private IGrainTimer? _timer;

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
        logger.LogInformation("Subscriber {Subscriber} started", name);
        return Task.CompletedTask;
    }

    public Task EnsureRunningAsync() => Task.CompletedTask;

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var delay = await _pump!.PumpOnceAsync(cancellationToken);
        _timer!.Change(delay, Timeout.InfiniteTimeSpan);
    }
}
