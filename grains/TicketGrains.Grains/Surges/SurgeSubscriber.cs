using Microsoft.Extensions.Options;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Surges;

/// <summary>
/// Feeds the surge detectors from the committed-event pipeline: only ticket creations are read with their data; each
/// page is counted in one transaction (<see cref="SurgeDetectorStore"/>), then whatever the tenants' surges still owe is
/// done (<see cref="SurgeReactions"/>). A failure anywhere fails the page, which the pipeline retries: the counting
/// skips what it counted, the reactions repeat nothing they finished.
/// </summary>
public sealed class SurgeSubscriber(SurgeDetectorStore detectors, SurgeReactions reactions, IOptions<SurgeOptions> options) : ISelectiveEventSubscriber
{
    public const string SubscriberName = "surges";

    private static readonly Func<EventHeader, bool> Select = SurgeTicket.Counts;

    public string Name => SubscriberName;

    public SubscriberStart StartFrom => SubscriberStart.Now;

    public TimeSpan? GatherInterval => options.Value.PageInterval;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) => ValueTask.FromResult(Select);

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var tickets = events.Select(SurgeTicket.Of).OfType<SurgeTicket>().ToList();
        if (tickets.Count == 0)
        {
            return;
        }

        await detectors.RecordAsync(tickets, cancellationToken);
        await reactions.FinishAsync([.. tickets.Select(t => t.Tenant).Distinct(StringComparer.Ordinal)], cancellationToken);
    }
}
