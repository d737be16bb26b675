using System.Net;
using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>
/// Posts a platform's raw request (a fixture, signed for the channel) to a channel's inbound address over real HTTP with
/// no bearer token, and finds what it became through the API.
/// </summary>
public sealed class RawInbound(HttpClient http, ApiClient admin, Guid channel)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public Guid Channel => channel;

    public static async Task<RawInbound> CreateAsync(HttpClient http, ApiClient admin, string type, object settings)
    {
        var created = (await admin.PostAsync("/api/v1/channels", new { type, name = $"{type} shop", settings })).Expect(HttpStatusCode.Created);
        return new RawInbound(http, admin, created.Id);
    }

    public Task<ApiResponse> SendAsync(InboundRequest request) => SendAsync(request, request.Body);

    public Task<ApiResponse> SendAsync(InboundRequest request, byte[] body)
    {
        var query = string.Join('&', request.Query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var message = new HttpRequestMessage(new HttpMethod(request.Method), $"/api/v1/channels/{channel}/inbound{(query.Length > 0 ? "?" + query : "")}");
        if (request.Method == "POST")
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in request.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            message.Headers.Add(name, value);
        }

        return new ApiClient(http, null, "").SendAsync(message);
    }

    /// <summary>The one ticket of the customer known on this channel type by <paramref name="externalId"/>, once the pipeline made it.</summary>
    public async Task<JsonElement> TicketOfAsync(string type, string externalId)
    {
        Guid? ticket = null;
        await Poll.UntilAsync($"a ticket of {type}:{externalId}", Deadline, async () =>
        {
            var customer = await admin.GetAsync($"/api/v1/customers?channel={type}&externalId={Uri.EscapeDataString(externalId)}");
            ticket = customer.Status != HttpStatusCode.OK ? null : (await admin.GetAsync($"{TicketRequests.Tickets}?customerId={customer.Id}"))
                .Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray().Select(i => (Guid?)i.GetProperty("id").GetGuid()).SingleOrDefault();
            return ticket is not null;
        });
        return (await admin.GetAsync(TicketRequests.Ticket(ticket!.Value))).Expect(HttpStatusCode.OK).Json;
    }
}
