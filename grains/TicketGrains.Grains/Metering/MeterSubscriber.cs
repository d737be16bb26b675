using Microsoft.Extensions.Options;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Metering;

/// <summary>
/// Counts usage from the committed-event pipeline: chooses the events that may count by their header (the data of the
/// rest is never read) and records each page with <see cref="UsageStore"/>, exactly once per event.
/// </summary>
public sealed class MeterSubscriber(UsageStore store, IOptions<MeteringOptions> options) : ISelectiveEventSubscriber
{
    public const string SubscriberName = "usage-meter";

    private static readonly Func<EventHeader, bool> Select = UsageClassifier.MayCount;

    public string Name => SubscriberName;

    public SubscriberStart StartFrom => SubscriberStart.Beginning;

    public TimeSpan? GatherInterval => options.Value.PageInterval;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Select);

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count > 0)
        {
            await store.RecordAsync(events, cancellationToken);
        }
    }
}
