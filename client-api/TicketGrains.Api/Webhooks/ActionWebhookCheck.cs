using TicketGrains.Grains.Webhooks;

namespace TicketGrains.Api.Webhooks;

/// <summary>
/// A rule's or SLA policy's webhook action must name one of the tenant's registered webhooks: its secret signs the
/// call and its delivery log shows it. Checked when the document is written, so a typo is a 400, not a silent no-op.
/// </summary>
public static class ActionWebhookCheck
{
    /// <summary>The (pointer, message) problems of the action URLs that no enabled webhook of the tenant has.</summary>
    public static async Task<List<(string Pointer, string Message)>> UnregisteredAsync(
        WebhookStore store, string tenant, IReadOnlyList<(string Pointer, string Url)> urls, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            return [];
        }

        var registered = (await store.EnabledForAsync([tenant], cancellationToken)).Select(w => w.Url).ToHashSet(StringComparer.Ordinal);
        return [.. urls.Where(u => ActionWebhooks.Normalized(u.Url) is not { } url || !registered.Contains(url))
            .Select(u => (u.Pointer, "No enabled webhook of this tenant has this URL: register it first (POST /api/v1/webhooks, e.g. with events [\"trigger.webhook\"]); its secret signs the calls."))];
    }
}
