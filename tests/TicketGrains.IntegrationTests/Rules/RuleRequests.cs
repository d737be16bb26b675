using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Rules;

/// <summary>Rule documents as the API takes them, and reading back what rules did to a ticket.</summary>
public static class RuleRequests
{
    public const string Rules = "/api/v1/rules";

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static async Task PutAsync(ApiClient api, string id, string json) => (await api.PutAsync($"{Rules}/{id}", Json(json))).Expect(HttpStatusCode.OK);

    public static async Task<Guid> CreateAsync(ApiClient api, string category = "general", string subject = "Where is my parcel?") =>
        (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create(subject, category))).Expect(HttpStatusCode.Created).Id;

    public static async Task<List<JsonElement>> EventsAsync(ApiClient api, Guid ticket) =>
        [.. (await api.GetAsync($"{TicketRequests.Ticket(ticket)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray()];

    /// <summary>An event's own fields (the history holds them as JSON text).</summary>
    public static JsonElement Data(JsonElement e) => Json(e.GetProperty("data").GetString()!);

    /// <summary>The routing decision the ticket's TicketCreated carries.</summary>
    public static async Task<JsonElement> RoutedAsync(ApiClient api, Guid ticket) => Data((await EventsAsync(api, ticket))[0]).GetProperty("routed");
}
