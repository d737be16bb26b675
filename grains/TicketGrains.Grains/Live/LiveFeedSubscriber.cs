using Microsoft.Extensions.DependencyInjection;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Live;

/// <summary>
/// Feeds GET /api/v1/events: turns each page of committed ticket and surge events into one item per tenant on the tenant's
/// in-memory Orleans stream. The stream may lose an item (a silo dies, a listener falls behind); each item names the
/// tenant's previous feed event in the log, so a listener notices the hole and reads it from the log instead. It
/// starts from now: clients asking for older events read them from the log. Only feed events of tenants someone is
/// listening to are read and published (<see cref="ILiveFeedAudienceGrain"/>): a listener reports itself before it reads
/// the log, and the audience is asked after each page was read, so every event its read missed is published for it.
/// A batch's predecessor comes from what earlier pages held while they run back to back (<see cref="FeedPredecessors"/>),
/// else from the log.
/// </summary>
public sealed class LiveFeedSubscriber(IServiceProvider services, TicketChangeLog log) : ISelectiveEventSubscriber
{
    // Resolved lazily: the cluster client depends on services that are built after this one.
    private readonly Lazy<IClusterClient> _client = new(services.GetRequiredService<IClusterClient>);
    private readonly FeedPredecessors _predecessors = new();

    public string Name => "live-feed";

    public SubscriberStart StartFrom => SubscriberStart.Now;

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken) =>
        SelectAsync(page, null, cancellationToken);

    public ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, Checkpoint from, CancellationToken cancellationToken) =>
        SelectAsync(page, (Checkpoint?)from, cancellationToken);

    private async ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, Checkpoint? from, CancellationToken cancellationToken)
    {
        var audience = await _client.Value.Reference<ILiveFeedAudienceGrain>(ILiveFeedAudienceGrain.Key).GetAsync();
        bool Wanted(EventHeader header) => audience.Includes(header.TenantId) && TicketChangeFold.IsOnFeed(header.StreamId);
        _predecessors.PageRead(from, Checkpoint.After(page[^1]), audience.Includes, page.Any(Wanted));
        return Wanted;
    }

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var changes = await log.ProjectAsync(events, cancellationToken);
        if (changes.Count > 0)
        {
            var byTenant = changes.GroupBy(c => c.TenantId, c => c.Change, StringComparer.Ordinal).ToList();
            var firstChanges = byTenant.ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
            var (previous, unknown) = _predecessors.Before(firstChanges, events);
            if (unknown.Count > 0)
            {
                var read = await log.PreviousKeysAsync(unknown.ToDictionary(t => t, t => firstChanges[t], StringComparer.Ordinal), cancellationToken);
                foreach (var (tenant, key) in read)
                {
                    previous[tenant] = key;
                }
            }

            var provider = _client.Value.GetStreamProvider(LiveFeed.ProviderName);
            // A failed publish fails the page, which the pipeline retries: listeners skip what they already sent.
            await Task.WhenAll(byTenant.Select(g => provider.GetStream<TicketChangeBatch>(StreamId.Create(LiveFeed.Namespace, g.Key))
                .OnNextAsync(new TicketChangeBatch(previous[g.Key], g.ToList()))));
        }

        _predecessors.Handled(events);
    }
}
