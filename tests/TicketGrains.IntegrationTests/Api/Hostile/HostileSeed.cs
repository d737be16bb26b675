using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api.Hostile;

/// <summary>What a tenant owns before the hostile walk, so every path parameter names something real unless attacked.</summary>
public sealed record HostileSeed(Guid Ticket, int TicketVersion, Guid Customer, string Agent, string Role, string KeyId, Guid Webhook, Guid Channel)
{
    public static async Task<HostileSeed> PlantAsync(ApiClient tenant)
    {
        var ticket = (await tenant.PostAsync(TicketRequests.Tickets, TicketRequests.Create("seeded for the hostile walk"))).Expect(HttpStatusCode.Created).Json;
        (await tenant.PutAsync("/api/v1/agents/hostile-agent/queues", new { queues = new[] { "refund" } })).Expect(HttpStatusCode.OK);
        (await tenant.PutAsync("/api/v1/roles/hostile-role", new { permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.OK);
        (await tenant.PutAsync("/api/v1/rules/hostile-rule", RuleDocument)).Expect(HttpStatusCode.OK);
        var key = (await tenant.PostAsync("/api/v1/api-keys", new { name = "seeded", permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.Created);
        (await tenant.PutAsync($"/api/v1/calendars/{Sla}", new { timeZone = "Asia/Shanghai", weeklyHours = new[] { new { day = "monday", start = "09:00", end = "18:00" } } }))
            .Expect(HttpStatusCode.OK);
        (await tenant.PutAsync($"/api/v1/sla-policies/{Sla}", new { targets = new[] { new { metric = "first_reply", seconds = 600 } } })).Expect(HttpStatusCode.OK);
        var webhook = (await tenant.PostAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = new[] { "sla.breached" } }))
            .Expect(HttpStatusCode.Created).Json.GetProperty("id").GetGuid();
        var channel = (await tenant.PostAsync("/api/v1/channels", new { type = "app", name = "seeded", settings = new { secret = "seeded-secret" } }))
            .Expect(HttpStatusCode.Created).Id;
        // Read back rather than taken from the create: the version the commands below must name is the current one.
        var current = (await tenant.GetAsync(TicketRequests.Ticket(ticket.GetProperty("id").GetGuid()))).Expect(HttpStatusCode.OK).Json;
        return new HostileSeed(current.GetProperty("id").GetGuid(), current.GetProperty("version").GetInt32(), current.GetProperty("customerId").GetGuid(),
            "hostile-agent", "hostile-role", key.String("id")!, webhook, channel);
    }

    /// <summary>The name of the seeded SLA policy and calendar.</summary>
    public const string Sla = "hostile-sla";

    private static readonly object RuleDocument = new { type = "routing", when = new { categories = new[] { "refund" } }, then = new { queue = "refund-desk" } };

    /// <summary>The seeded value for a path parameter of a route.</summary>
    public string ValueOf(string template, string parameter) => (parameter, template) switch
    {
        ("agentId", _) => Agent,
        ("ticketId", _) => Ticket.ToString(),
        ("name", _) when template.StartsWith("/api/v1/roles/", StringComparison.Ordinal) => Role,
        ("name", _) when template.StartsWith("/api/v1/sla-policies/", StringComparison.Ordinal) || template.StartsWith("/api/v1/calendars/", StringComparison.Ordinal) => Sla,
        ("name", _) when template.StartsWith("/api/v1/queues/", StringComparison.Ordinal) => "hostile-queue",
        ("name", _) when template.Contains("/proposed-fields/", StringComparison.Ordinal) => "orderNo",
        ("id", _) when template.StartsWith(TicketRequests.Tickets + "/", StringComparison.Ordinal) => Ticket.ToString(),
        ("id", _) when template.StartsWith("/api/v1/customers/", StringComparison.Ordinal) => Customer.ToString(),
        ("id", _) when template.StartsWith("/api/v1/api-keys/", StringComparison.Ordinal) => KeyId,
        ("id", _) when template.StartsWith("/api/v1/rules/", StringComparison.Ordinal) => "hostile-rule",
        ("id", _) when template.StartsWith("/api/v1/macros/", StringComparison.Ordinal) => "hostile-macro",
        ("name", _) when template.StartsWith("/api/v1/templates/", StringComparison.Ordinal) => "everyday",
        ("id", _) when template.StartsWith("/api/v1/webhooks/", StringComparison.Ordinal) => Webhook.ToString(),
        ("id", _) when template.StartsWith("/api/v1/channels/", StringComparison.Ordinal) => Channel.ToString(),
        // No attachment is planted: every hostile id must find none (a 404), like any other unknown id.
        ("id", _) when template.StartsWith("/api/v1/attachments/", StringComparison.Ordinal) => Guid.Empty.ToString(),
        // No surge is planted either (a burst would take the walk's whole budget): every hostile id must find none.
        ("id", _) when template.StartsWith("/api/v1/surges/", StringComparison.Ordinal) => Guid.Empty.ToString(),
        _ => throw new InvalidOperationException($"The hostile walk does not know parameter '{parameter}' of {template}; teach HostileSeed."),
    };
}
