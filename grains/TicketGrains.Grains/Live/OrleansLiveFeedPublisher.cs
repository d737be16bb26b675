using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Live;

/// <summary>
/// Publishes one stream item per tenant per committed batch (not one per event), so the live feed
/// costs little at peak load. Best effort: the durable history is the event log.
/// </summary>
internal sealed class OrleansLiveFeedPublisher(IServiceProvider services, ILogger<OrleansLiveFeedPublisher> logger) : ILiveFeedPublisher
{
    // Resolved lazily: the cluster client depends on services that are built after this one.
    private readonly Lazy<IClusterClient> _client = new(services.GetRequiredService<IClusterClient>);

    public void Publish(IEnumerable<AppendRequest> committed)
    {
        foreach (var tenant in committed.GroupBy(r => r.TenantId))
        {
            var changes = tenant.Select(r => new TicketChange(
                r.Row!.TicketId, r.Version, r.EventType, r.Row.Status, r.Row.Queue, r.Row.Assignee, r.Row.UpdatedAt)).ToList();
            _ = PublishAsync(tenant.Key, new TicketChangeBatch(changes));
        }
    }

    private async Task PublishAsync(string tenantId, TicketChangeBatch batch)
    {
        try
        {
            var stream = _client.Value.GetStreamProvider(LiveFeed.ProviderName)
                .GetStream<TicketChangeBatch>(StreamId.Create(LiveFeed.Namespace, tenantId));
            await stream.OnNextAsync(batch);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Live feed publish for {Tenant} failed", tenantId);
        }
    }
}
