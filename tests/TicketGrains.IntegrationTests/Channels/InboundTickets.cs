using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>What inbound messages became, read through the API once the pipeline made it: a customer's ticket, its messages.</summary>
public static class InboundTickets
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The one ticket of the channel identity's customer, read whole.</summary>
    public static async Task<JsonElement> OfAsync(ApiClient api, string externalId, string channel)
    {
        Guid? ticket = null;
        await Poll.UntilAsync($"a ticket of {externalId}", Deadline, async () =>
        {
            var customer = await api.GetAsync($"/api/v1/customers?channel={Uri.EscapeDataString(channel)}&externalId={Uri.EscapeDataString(externalId)}");
            if (customer.Status != HttpStatusCode.OK)
            {
                return false;
            }

            var listed = (await api.GetAsync($"{TicketRequests.Tickets}?customerId={customer.Id}")).Expect(HttpStatusCode.OK);
            ticket = listed.Json.GetProperty("items").EnumerateArray().Select(i => (Guid?)i.GetProperty("id").GetGuid()).SingleOrDefault();
            return ticket is not null;
        });
        return (await api.GetAsync(TicketRequests.Ticket(ticket!.Value))).Expect(HttpStatusCode.OK).Json;
    }

    /// <summary>The bodies of the ticket's messages, once it has at least <paramref name="count"/>.</summary>
    public static async Task<List<string>> MessagesAsync(ApiClient api, Guid ticket, int count)
    {
        var bodies = new List<string>();
        await Poll.UntilAsync($"{count} messages on ticket {ticket}", Deadline, async () =>
        {
            var read = (await api.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).Json;
            bodies = [.. read.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()!)];
            return bodies.Count >= count;
        });
        return bodies;
    }
}
