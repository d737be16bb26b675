using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Outage;

/// <summary>A call of each kind the API serves: reads from the read model, the log and grain storage, commands, pulls, the audit log.</summary>
public static class OutageRequests
{
    private const string Agent = "/api/v1/agents/outage-agent";

    public static IEnumerable<OutageRequest> All(Guid existingTicket) =>
    [
        new("list tickets", api => api.GetAsync($"{TicketRequests.Tickets}?limit=5")),
        new("read a ticket", api => api.GetAsync(TicketRequests.Ticket(existingTicket))),
        new("read a ticket's events", api => api.GetAsync($"{TicketRequests.Ticket(existingTicket)}/events")),
        new("add a message", api => api.PostAsync($"{TicketRequests.Ticket(existingTicket)}/messages", new { author = "agent", body = "still there?", @internal = false })),
        new("create a ticket", api => api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("during the outage"))),
        new("read an agent", api => api.GetAsync(Agent)),
        new("set an agent's queues", api => api.PutAsync($"{Agent}/queues", new { queues = new[] { "general" } })),
        new("pull the next ticket", api => api.PostAsync($"{Agent}/next?waitSeconds=0")),
        new("find a customer", api => api.GetAsync($"/api/v1/customers?channel=web&externalId={TicketRequests.NewCustomer()}")),
        new("read the audit log", api => api.GetAsync("/api/v1/audit?limit=5")),
    ];
}
