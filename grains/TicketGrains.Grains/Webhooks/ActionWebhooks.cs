using System.Text.Json;
using TicketGrains.Abstractions.Catalog;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Webhooks called by an action rather than subscribed to: a trigger's <c>webhook</c> action (recorded in
/// TriggersFired) and an SLA policy's escalation <c>webhook</c> (recorded in SlaBreached). The URL must be one of the
/// tenant's registered webhooks, whose secret signs the call and whose outbox, retries and delivery log carry it like
/// any other delivery; the API refuses an action URL that is not registered.
/// </summary>
public static class ActionWebhooks
{
    private const string TriggersFired = "TriggersFired";
    private const string SlaBreached = "SlaBreached";

    /// <summary>Whether events of this stored type can name webhooks to call (their data says which).</summary>
    public static bool MayCall(string eventType) => eventType is TriggersFired or SlaBreached;

    /// <summary>The delivery's event type: a trigger's call is its own type; an escalation is the breach.</summary>
    public static string TypeOf(string eventType) => eventType == TriggersFired ? WebhookEventTypes.TriggerWebhook : WebhookEventTypes.SlaBreached;

    /// <summary>A URL as registered webhooks store it (absolute form), or null when it is not an absolute URL.</summary>
    public static string? Normalized(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : null;

    /// <summary>The URLs the event's actions call, in registered form (none for other events).</summary>
    public static IReadOnlyList<string> UrlsOf(CommittedEvent e)
    {
        if (!MayCall(e.EventType))
        {
            return [];
        }

        using var json = JsonDocument.Parse(e.Data);
        var root = json.RootElement;
        if (e.EventType == TriggersFired)
        {
            return root.TryGetProperty("webhooks", out var urls) && urls.ValueKind == JsonValueKind.Array
                ? [.. urls.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => Normalized(u.GetString()!)).OfType<string>().Distinct(StringComparer.Ordinal)]
                : [];
        }

        return root.TryGetProperty("webhook", out var url) && url.ValueKind == JsonValueKind.String && Normalized(url.GetString()!) is { } one ? [one] : [];
    }
}
