using TicketGrains.Grains.Hosting;

namespace TicketGrains.Grains.Live;

/// <summary>The "LiveFeedDelivery" section: how soon the tenant streams behind GET /api/v1/events hand a batch on.</summary>
public sealed class LiveFeedDeliveryOptions : IValidatableOptions
{
    public const string Section = "LiveFeedDelivery";

    /// <summary>
    /// How often each of the stream provider's queues is polled for published batches. A batch waits in its queue
    /// until the next poll: Orleans' default of 100 ms added 50 ms on average to every live event. Each poll is a call
    /// to the queue's grain, so at 10 ms the <see cref="LiveFeedStreams.Queues"/> queues cost the cluster 200 small
    /// calls a second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    public IEnumerable<string> Problems(string section)
    {
        if (PollInterval < TimeSpan.FromMilliseconds(1) || PollInterval > TimeSpan.FromSeconds(1))
        {
            yield return $"{section}:PollInterval must be between 00:00:00.001 and 00:00:01, not {PollInterval}.";
        }
    }
}
