using Microsoft.Extensions.DependencyInjection;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Pipeline;
using TicketGrains.Grains.Surges;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Turns committed ticket events into deliveries in the durable outbox (tg_webhook_deliveries) before the pipeline's
/// checkpoint moves past them, then tells each webhook's grain to send. Selective: per page it reads which event types
/// each tenant's enabled webhooks want, and the pipeline reads the data of those events only; the others are never read
/// or parsed. A page handled again after a crash finds its deliveries already there (keyed by webhook and position).
/// </summary>
public sealed class WebhookSubscriber(IServiceProvider services, WebhookStore webhooks, WebhookDeliveryStore deliveries, WebhookClock clock)
    : ISelectiveEventSubscriber
{
    // Resolved lazily: the grain factory depends on services that are built after this one.
    private readonly Lazy<IGrainFactory> _grains = new(services.GetRequiredService<IGrainFactory>);

    public string Name => "webhooks";

    public SubscriberStart StartFrom => SubscriberStart.Now;

    public async ValueTask<Func<EventHeader, bool>> SelectAsync(IReadOnlyList<EventHeader> page, CancellationToken cancellationToken)
    {
        var subscribed = await webhooks.SubscribedTypesAsync(cancellationToken);
        // Any tenant with a webhook may have an action calling it: those rare events are read to find out.
        return header => subscribed.TryGetValue(header.TenantId, out var types)
            && IsOfTicket(header.StreamId)
            && (types.Contains(WebhookEventTypes.ForTicketEvent(header.EventType)) || ActionWebhooks.MayCall(header.EventType));
    }

    public async Task HandleAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        var tenants = events.Where(e => IsOfTicket(e.StreamId))
            .Select(e => e.TenantId).ToHashSet(StringComparer.Ordinal);
        if (tenants.Count == 0)
        {
            return;
        }

        var byTenant = (await webhooks.EnabledForAsync(tenants, cancellationToken)).ToLookup(w => w.Tenant, StringComparer.Ordinal);
        var outbox = new List<WebhookDeliveryStore.NewDelivery>();
        foreach (var e in events)
        {
            if (!byTenant.Contains(e.TenantId) || !(StreamIds.TryTicketId(e.StreamId, out var ticketId) || ReplyStreams.TryTicketId(e.StreamId, out ticketId)
                || SurgeStreams.TrySurgeId(e.StreamId, out ticketId)))
            {
                continue;
            }

            // An action's call goes first: a webhook both called and subscribed gets the event once (one row per
            // webhook and position), as the call.
            var called = ActionWebhooks.UrlsOf(e);
            var actionType = ActionWebhooks.TypeOf(e.EventType);
            foreach (var webhook in byTenant[e.TenantId].Where(w => called.Contains(w.Url, StringComparer.Ordinal)))
            {
                outbox.Add(new(e.TenantId, webhook.Id, e.Position, actionType, ticketId, WebhookPayload.For(e, actionType, ticketId)));
            }

            var type = WebhookEventTypes.ForTicketEvent(e.EventType);
            string? payload = null;
            foreach (var webhook in byTenant[e.TenantId].Where(w => w.Events.Contains(type, StringComparer.Ordinal) && !called.Contains(w.Url, StringComparer.Ordinal)))
            {
                payload ??= WebhookPayload.For(e, type, ticketId);
                outbox.Add(new(e.TenantId, webhook.Id, e.Position, type, ticketId, payload));
            }
        }

        if (outbox.Count == 0)
        {
            return;
        }

        await deliveries.EnqueueAsync(outbox, clock.Now, cancellationToken);
        foreach (var (tenant, webhookId) in outbox.Select(d => (d.Tenant, d.WebhookId)).Distinct())
        {
            // Not awaited: sending is the endpoint grain's business; a lost call is made up by the keeper's next round.
            _grains.Value.Reference<IWebhookEndpointGrain>(GrainKeys.For(tenant, webhookId)).DeliverAsync().Ignore();
        }
    }

    /// <summary>
    /// A ticket's own events, the outcomes of its replies (which have streams of their own), and surges (whose id takes
    /// the ticket's place in the delivery).
    /// </summary>
    private static bool IsOfTicket(string streamId) =>
        streamId.StartsWith(StreamIds.TicketPrefix, StringComparison.Ordinal) || streamId.StartsWith(ReplyStreams.Prefix, StringComparison.Ordinal)
        || streamId.StartsWith(SurgeStreams.Prefix, StringComparison.Ordinal);
}
