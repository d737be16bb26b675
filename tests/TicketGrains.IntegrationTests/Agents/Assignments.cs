using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Agents;

/// <summary>Requests and reads the assignment tests share: queues, agents, tickets from a given tier and channel.</summary>
public static class Assignments
{
    public static async Task DefineQueueAsync(ApiClient api, string name, object definition) =>
        (await api.PutAsync($"/api/v1/queues/{name}", definition)).Expect(HttpStatusCode.OK);

    public static async Task DefineAgentAsync(ApiClient api, string agent, object definition) =>
        (await api.PutAsync($"/api/v1/agents/{agent}", definition)).Expect(HttpStatusCode.OK);

    public static async Task<Guid> CreateAsync(ApiClient api, string subject, string tier = "regular", string channel = "web", string category = "general") =>
        (await api.PostAsync(TicketRequests.Tickets, new
        {
            channel,
            customer = new { externalId = TicketRequests.NewCustomer(), name = "Han Meimei", tier },
            subject,
            body = "Where is my order?",
            category,
            priority = "normal",
        })).Expect(HttpStatusCode.Created).Id;

    public static async Task<string?> AssigneeAsync(ApiClient api, Guid ticket) =>
        (await api.GetAsync(TicketRequests.Ticket(ticket))).Expect(HttpStatusCode.OK).String("assignee");

    public static async Task<List<Guid>> HeldByAsync(ApiClient api, string agent) =>
        [.. (await api.GetAsync($"{TicketRequests.Tickets}?assignee={agent}&limit=200")).Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid())];

    public static async Task<List<string?>> EventTypesAsync(ApiClient api, Guid ticket) =>
        [.. (await api.GetAsync($"{TicketRequests.Ticket(ticket)}/events")).Expect(HttpStatusCode.OK).Json.EnumerateArray()
            .Select(e => e.GetProperty("type").GetString())];
}
