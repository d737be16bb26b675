namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One per webhook subscription, keyed "tenant/webhookId": sends the subscription's pending deliveries one at a time
/// in outbox order, and holds the endpoint's circuit breaker.
/// </summary>
[Alias("TicketGrains.IWebhookEndpointGrain")]
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Sends every delivery that is due now, in order, until one fails or none is left.</summary>
    [Alias("Deliver")]
    Task DeliverAsync();
}
