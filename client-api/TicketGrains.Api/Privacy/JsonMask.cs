using System.Globalization;
using System.Text.Json.Nodes;

namespace TicketGrains.Api.Privacy;

/// <summary>
/// Masks a JSON document (an event's data): every string by the name of the property holding it (<see cref="FieldMask"/>),
/// or as free text inside arrays. Ids and timestamps are left alone: they are not personal, and their digits could
/// otherwise look like numbers worth masking.
/// </summary>
public static class JsonMask
{
    public static string Mask(string json) =>
        JsonNode.Parse(json) is { } root ? (Walk(root, null) ?? root).ToJsonString() : json;

    private static JsonNode? Walk(JsonNode node, string? name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    if (child is not null && Walk(child, key) is { } replaced)
                    {
                        o[key] = replaced;
                    }
                }

                return null;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child && Walk(child, name) is { } replaced)
                    {
                        a[i] = replaced;
                    }
                }

                return null;
            case JsonValue v when v.TryGetValue<string>(out var text) && !IsIdOrTime(text):
                return JsonValue.Create(name is null ? FreeTextMask.Mask(text) : FieldMask.Mask(name, text));
            default:
                return null;
        }
    }

    private static bool IsIdOrTime(string text) =>
        Guid.TryParse(text, out _)
        || (text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
}
