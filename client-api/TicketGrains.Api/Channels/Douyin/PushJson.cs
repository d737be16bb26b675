using System.Globalization;
using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// Reads fields of a platform's JSON push defensively: Douyin and Weibo send ids as numbers in one place and strings in
/// another, and nest JSON either as an object or as a string holding one.
/// </summary>
internal static class PushJson
{
    /// <summary>The push body as a document, a leading byte order mark skipped (<see cref="ByteOrderMark"/>).</summary>
    public static JsonDocument Parse(byte[] body, JsonDocumentOptions options = default) =>
        JsonDocument.Parse(ByteOrderMark.Skipped(body), options);

    /// <summary>A field's value as text whether the platform sent a string or a number; null when absent, empty or another kind.</summary>
    public static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? Text(value) : null;

    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>The first of several candidate fields that is present (the platforms' inner field names are not all documented).</summary>
    public static string? FirstText(JsonElement parent, params string[] names) =>
        names.Select(name => Text(parent, name)).FirstOrDefault(text => text is not null);

    /// <summary>A nested object, sent either as an object or as a string of JSON; null when absent or not an object.</summary>
    public static JsonElement? Object(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            using var inner = JsonDocument.Parse(value.GetString()!);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? inner.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A number sent as a number or as a numeric string.</summary>
    public static bool TryNumber(JsonElement parent, string name, out double number)
    {
        number = 0;
        return Text(parent, name) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
    }
}
