using Microsoft.Extensions.Options;
using TicketGrains.Abstractions;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Live;

/// <summary>The in-memory stream provider that carries each tenant's live batches from the silos to the front ends.</summary>
public static class LiveFeedStreams
{
    /// <summary>
    /// Queues of the provider, on silos and clients alike (both map a tenant's stream to a queue). The feed carries one
    /// small batch per tenant per pipeline page, so two queues are plenty, and each queue is polled on its own
    /// (<see cref="LiveFeedDeliveryOptions.PollInterval"/>): Orleans' default of eight would poll four times as often.
    /// </summary>
    public const int Queues = 2;

    public static ISiloBuilder AddLiveFeedStreams(this ISiloBuilder silo)
    {
        silo.Services.AddValidatedOptions<LiveFeedDeliveryOptions>(LiveFeedDeliveryOptions.Section);
        return silo.AddMemoryStreams(LiveFeed.ProviderName, stream =>
        {
            stream.ConfigurePartitioning(Queues);
            stream.ConfigurePullingAgent(agent => agent.Configure<IOptions<LiveFeedDeliveryOptions>>(
                (pulling, delivery) => pulling.GetQueueMsgsTimerPeriod = delivery.Value.PollInterval));
        });
    }

    public static IClientBuilder AddLiveFeedStreams(this IClientBuilder client) =>
        client.AddMemoryStreams(LiveFeed.ProviderName, stream => stream.ConfigurePartitioning(Queues));
}
