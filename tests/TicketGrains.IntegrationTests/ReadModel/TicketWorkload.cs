using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.ReadModel;

/// <summary>Tickets in every shape the read model has, made through the API the way agents and integrators make them.</summary>
internal static class TicketWorkload
{
    private const string Agent = "dora";
    private const string PulledCategory = "logistics";

    /// <summary>One tenant's tickets: plain, replied, moved through statuses, reassigned, pulled, talkative, a VIP's and urgent; returns the urgent one.</summary>
    public static async Task<Guid> SeedAsync(ApiClient api)
    {
        var customer = TicketRequests.NewCustomer();
        await CreateAsync(api, TicketRequests.Create("Where is my parcel?", customer: customer));

        var replied = await CreateAsync(api, TicketRequests.Create("Wrong colour delivered", "return", "high", customer));
        await MessageAsync(api, replied, "customer", "Any news?", false);
        await MessageAsync(api, replied, "ann", "Courier called.", true);
        await MessageAsync(api, replied, "ann", "A new one ships today.", false);

        var moved = await CreateAsync(api, TicketRequests.Create("Refund not received", "refund", "low"));
        foreach (var status in new[] { "open", "pending", "open", "solved", "closed" })
        {
            (await api.PostAsync($"{TicketRequests.Ticket(moved)}/status", new { status })).Expect(HttpStatusCode.OK);
        }

        var reassigned = await CreateAsync(api, TicketRequests.Create("Invoice needed"));
        foreach (var agentId in new[] { "bob", null, "carol" })
        {
            (await api.PostAsync($"{TicketRequests.Ticket(reassigned)}/assignee", new { agentId })).Expect(HttpStatusCode.OK);
        }

        (await api.PutAsync($"/api/v1/agents/{Agent}/queues", new { queues = new[] { PulledCategory } })).Expect(HttpStatusCode.OK);
        var pulled = await CreateAsync(api, TicketRequests.Create("Parcel stuck in customs", PulledCategory));
        Assert.Equal(pulled, (await api.PostAsync($"/api/v1/agents/{Agent}/next")).Expect(HttpStatusCode.OK).Id);

        var talkative = await CreateAsync(api, TicketRequests.Create("Size exchange", "exchange", customer: customer));
        for (var i = 0; i < 7; i++)
        {
            await MessageAsync(api, talkative, i % 2 == 0 ? "customer" : "ann", $"message {i}", i == 3);
        }

        // A VIP customer's ticket: the row keeps the tier the queue orders by.
        await CreateAsync(api, new
        {
            channel = "wechat",
            customer = new { externalId = TicketRequests.NewCustomer(), name = "Han Meimei", tier = "vip" },
            subject = "Gift wrap missing",
            body = "The birthday order came without its wrapping.",
            category = "general",
        });

        return await CreateAsync(api, TicketRequests.Create("Charged twice", "order", "urgent"));
    }

    public static async Task<Guid> CreateAsync(ApiClient api, object request) =>
        (await api.PostAsync(TicketRequests.Tickets, request, idempotencyKey: Guid.NewGuid().ToString("N"))).Expect(HttpStatusCode.Created).Id;

    public static async Task MessageAsync(ApiClient api, Guid ticket, string author, string body, bool isInternal) =>
        (await api.PostAsync($"{TicketRequests.Ticket(ticket)}/messages", new { author, body, @internal = isInternal })).Expect(HttpStatusCode.OK);
}
