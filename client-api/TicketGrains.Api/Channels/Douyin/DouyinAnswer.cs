using System.Text.Json;

namespace TicketGrains.Api.Channels.Douyin;

/// <summary>
/// What a Douyin OpenAPI call answered. Older endpoints report errors as data.error_code / data.description, newer ones
/// as err_no / err_msg at the top; both are read, and 0 (or no code at all) is success.
/// </summary>
internal sealed record DouyinAnswer(long Code, string? Description, JsonElement Data)
{
    public bool Succeeded => Code == 0;

    public static DouyinAnswer Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var data = PushJson.Object(root, "data") ?? default;
        var extra = PushJson.Object(root, "extra") ?? default;
        var code = new[] { PushJson.Text(root, "err_no"), PushJson.Text(data, "error_code"), PushJson.Text(extra, "error_code") }
            .Select(text => long.TryParse(text, out var value) ? value : 0)
            .FirstOrDefault(value => value != 0);
        var description = PushJson.FirstText(root, "err_msg") ?? PushJson.FirstText(data, "description") ?? PushJson.FirstText(extra, "description", "sub_description");
        return new DouyinAnswer(code, description, data.ValueKind == JsonValueKind.Undefined ? default : data.Clone());
    }

    public string Reason(string call) => $"Douyin {call} failed: error {Code}{(Description is null ? "" : $" ({Description})")}";
}
