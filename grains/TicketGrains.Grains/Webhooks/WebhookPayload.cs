using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.Pipeline;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// The body of a delivery: <c>{type, timestamp, data: {tenantId, ticketId, version, event, details}}</c>. Details are
/// the event's stored fields minus personal ones: the log holds those sealed with the customer's key and the pipeline
/// never opens them, so a receiver that needs the text reads the ticket through the API (masked by its permissions).
/// </summary>
public static class WebhookPayload
{
    public static string For(CommittedEvent e, string webhookType, Guid ticketId)
    {
        var details = JsonNode.Parse(e.Data) as JsonObject ?? [];
        WithoutSealed(details);
        details.Remove("requestHash");
        var payload = new JsonObject
        {
            ["type"] = webhookType,
            ["timestamp"] = e.RecordedAt.ToUniversalTime().ToString("O"),
            ["data"] = new JsonObject
            {
                ["tenantId"] = e.TenantId,
                ["ticketId"] = ticketId.ToString("D"),
                ["version"] = e.Version,
                ["event"] = e.EventType,
                ["details"] = details,
            },
        };
        return payload.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void WithoutSealed(JsonObject node)
    {
        foreach (var (name, value) in node.ToList())
        {
            if (value is JsonObject inner)
            {
                WithoutSealed(inner);
                if (inner.Count == 0)
                {
                    node.Remove(name);
                }
            }
            else if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.StartsWith(PersonalData.SealedPrefix, StringComparison.Ordinal))
            {
                node.Remove(name);
            }
        }
    }
}
