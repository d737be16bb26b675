using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Sends one webhook's deliveries, one at a time in outbox order: the head of the outbox blocks the rest until it is
/// delivered or given up, which keeps every ticket's events in order at the receiver. Holds the endpoint's circuit
/// breaker. Not reentrant, so two calls never send at once.
/// </summary>
public sealed class WebhookEndpointGrain(
    WebhookStore webhooks,
    WebhookDeliveryStore deliveries,
    WebhookSender sender,
    WebhookSecretSeal seal,
    WebhookClock clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookEndpointGrain> logger) : Grain, IWebhookEndpointGrain
{
    /// <summary>Pending deliveries read at once; they are still sent one by one, in order.</summary>
    private const int Batch = 100;

    private CircuitBreaker _breaker = null!;
    private string _tenant = "";
    private Guid _id;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenant, local) = GrainKeys.Split(this.GetPrimaryKeyString());
        (_tenant, _id) = (tenant, Guid.Parse(local));
        _breaker = new CircuitBreaker(options.Value.BreakerFailures, options.Value.BreakerOpenFor);
        return Task.CompletedTask;
    }

    public async Task DeliverAsync()
    {
        if (!_breaker.Allows(clock.Now) || await webhooks.FindAsync(_tenant, _id, CancellationToken.None) is not { Enabled: true } webhook)
        {
            return;
        }

        var key = seal.Open(_tenant, _id, webhook.SealedSecret, webhook.MasterKeyId);
        List<WebhookDelivery> batch;
        do
        {
            batch = await deliveries.PendingAsync(_tenant, _id, Batch, CancellationToken.None);
            foreach (var delivery in batch)
            {
                if (delivery.NextAttemptAt > clock.Now || !_breaker.Allows(clock.Now) || !await SendAsync(webhook, key, delivery))
                {
                    // The head waits (for its retry, the circuit, or a disabled webhook), and everything behind it too.
                    return;
                }
            }
        }
        while (batch.Count == Batch);
    }

    /// <summary>One attempt, recorded; whether the delivery is done with (delivered or given up) so the next may go.</summary>
    private async Task<bool> SendAsync(Webhook webhook, byte[] key, WebhookDelivery delivery)
    {
        var outcome = await sender.SendAsync(webhook.Url, key, delivery.MessageId, delivery.Payload, CancellationToken.None);
        var now = clock.Now;
        var decision = RetrySchedule.Decide(delivery.Attempts + 1, outcome, now, Random.Shared.NextDouble());
        _breaker.Record(outcome.Succeeded, now);
        await deliveries.RecordAsync(_tenant, _id, delivery, outcome, decision, now);
        if (decision.State == DeliveryState.Gone)
        {
            logger.LogWarning("Webhook {Webhook} of tenant {Tenant} answered 410 Gone; it is disabled", _id, _tenant);
            await webhooks.DisableAsync(_tenant, _id, "gone");
        }

        return decision.State is DeliveryState.Delivered or DeliveryState.Failed;
    }
}
