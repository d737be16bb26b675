using System.Net;
using System.Text.Json;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>
/// Sends the fixtures' platform requests (<see cref="InboundRequest"/>: method, query, body) to a channel's inbound
/// address over real HTTP, without a bearer token, and finds the ticket a customer's message became.
/// </summary>
public sealed class InboundPoster(HttpClient http, ApiClient admin)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public ApiClient Admin => admin;

    public static async Task<(InboundPoster Poster, Guid Channel)> CreateAsync(HttpClient http, ApiClient admin, string type, IReadOnlyDictionary<string, string> settings)
    {
        var created = (await admin.PostAsync("/api/v1/channels", new { type, name = $"{type} channel", settings })).Expect(HttpStatusCode.Created);
        return (new InboundPoster(http, admin), created.Id);
    }

    public Task<ApiResponse> SendAsync(Guid channel, InboundRequest request)
    {
        var query = string.Join('&', request.Query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        var message = new HttpRequestMessage(new HttpMethod(request.Method), $"/api/v1/channels/{channel}/inbound?{query}");
        if (request.Method == "POST")
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml");
        }

        return new ApiClient(http, null, "").SendAsync(message);
    }

    /// <summary>The one ticket of the channel identity's customer, once the pipeline made it, read whole.</summary>
    public async Task<JsonElement> TicketOfAsync(string channel, string externalId)
    {
        Guid? ticket = null;
        await Poll.UntilAsync($"a ticket of {externalId}", Deadline, async () =>
        {
            var customer = await admin.GetAsync($"/api/v1/customers?channel={channel}&externalId={Uri.EscapeDataString(externalId)}");
            if (customer.Status != HttpStatusCode.OK)
            {
                return false;
            }

            var listed = (await admin.GetAsync($"{TicketRequests.Tickets}?customerId={customer.Id}")).Expect(HttpStatusCode.OK);
            ticket = listed.Json.GetProperty("items").EnumerateArray().Select(i => (Guid?)i.GetProperty("id").GetGuid()).SingleOrDefault();
            return ticket is not null;
        });
        return (await admin.GetAsync(TicketRequests.Ticket(ticket!.Value))).Expect(HttpStatusCode.OK).Json;
    }
}
