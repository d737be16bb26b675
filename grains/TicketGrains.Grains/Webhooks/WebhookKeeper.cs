using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// On every silo, every <see cref="WebhookOptions.PollInterval"/>: finds the webhooks with a delivery whose attempt is
/// due (a retry, or one whose first call was lost with a silo or a restart) and calls their grains. New deliveries do
/// not wait for it: the subscriber calls the grain as soon as it has written them.
/// </summary>
internal sealed class WebhookKeeper(
    WebhookDeliveryStore deliveries,
    WebhookClock clock,
    IGrainFactory grains,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookKeeper> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(WebhookKeeper), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => KeepAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task KeepAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var due = await deliveries.DueAsync(clock.Now, stopping);
                await Task.WhenAll(due.Select(d => grains.Reference<IWebhookEndpointGrain>(GrainKeys.For(d.Tenant, d.WebhookId)).DeliverAsync()));
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                logger.LogDebug(e, "Looking for due webhook deliveries failed; trying again next round");
            }

            await Task.Delay(options.Value.PollInterval, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
