using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;

namespace TicketGrains.Grains.Pipeline;

/// <summary>
/// On every silo, once the silo is active and then every <see cref="PipelineOptions.KeeperInterval"/>, calls each
/// registered subscriber's grain. The first call activates it somewhere in the cluster; after a silo dies, the next
/// call activates its subscribers on a live silo, which resume from their stored checkpoints. A reminder would do the
/// same no more often than once a minute.
/// </summary>
internal sealed class SubscriberKeeper(
    IEnumerable<IEventSubscriber> subscribers,
    IGrainFactory grains,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<SubscriberKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SubscriberKeeper), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        var names = subscribers.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            _loop = Task.Run(() => KeepAsync(names, _stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task KeepAsync(List<string> names, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // Each in parallel: a call stuck on a dead silo must not hold up the others.
            await Task.WhenAll(names.Select(EnsureRunningAsync));
            await Task.Delay(options.Value.KeeperInterval, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task EnsureRunningAsync(string name)
    {
        try
        {
            await grains.Reference<IEventSubscriberGrain>(name).EnsureRunningAsync();
        }
        catch (Exception e)
        {
            // Expected while a dead silo is still listed; the next round reaches the grain's new home.
            logger.LogDebug(e, "Subscriber grain {Subscriber} did not answer", name);
        }
    }
}
