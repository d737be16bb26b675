using System.Net;
using System.Text;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>
/// Walks every operation of the OpenAPI document as an admin of tenant B, aimed at tenant A's resources, and proves that
/// none returns or changes A's data. A new route whose parameters or body this walker does not know fails the test, so
/// it cannot silently escape the walk.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CrossTenantRouteWalkTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string Secret = "only-tenant-a-may-read-this";

    [Fact]
    public Task No_route_lets_tenant_b_read_or_change_tenant_a_data() => cluster.RunAsync(output, async () =>
    {
        var (a, b) = (cluster.FreshTenant(), cluster.FreshTenant());
        var seed = await SeedAsync(a);
        var before = await SnapshotAsync(a, seed);
        var document = (await cluster.Client(null, "").GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        var walked = new List<string>();
        var feedWalked = false;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = operation.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{operation.Name.ToUpperInvariant()} {path.Name}";
                walked.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                if (name == "TicketEventFeed")
                {
                    // A stream, checked on its own below (after the snapshot: it creates tickets in both tenants).
                    feedWalked = true;
                    continue;
                }

                var (url, targetsA) = Fill(path.Name, name, seed);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                if (operation.Value.TryGetProperty("requestBody", out _))
                {
                    request.Content = new StringContent(JsonSerializer.Serialize(BodyFor(name), ApiClient.Json), Encoding.UTF8, "application/json");
                }

                var response = await b.SendAsync(request);
                output.WriteLine($"{request.Method} {url} -> {(int)response.Status}");
                Assert.True((int)response.Status < 500, $"{request.Method} {url} failed with {(int)response.Status}: {response.Text}");
                if (targetsA)
                {
                    Assert.True(response.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                        $"{request.Method} {url} reached tenant A's resource: {(int)response.Status} {response.Text}");
                }

                foreach (var marker in seed.Markers(includeIds: !targetsA))
                {
                    Assert.DoesNotContain(marker, response.Text, StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(before, await SnapshotAsync(a, seed));
        Assert.Contains("GET /api/v1/tickets/{id}", walked);
        Assert.Contains("GET /api/v1/audit", walked);
        Assert.Contains("GET /api/v1/audit/verify", walked);
        Assert.Contains("GET /api/v1/reports/tickets.csv", walked);
        Assert.True(walked.Count >= 15, $"Only {walked.Count} operations in the OpenAPI document: {string.Join(", ", walked)}");
        Assert.True(feedWalked, "The OpenAPI document no longer lists the live feed.");
        await AssertFeedIsolatedAsync(a, b);
    });

    /// <summary>What tenant A owns, and the strings that must never reach tenant B.</summary>
    private sealed record Seed(
        string Tenant, Guid Ticket, Guid Customer, string ExternalId, string Agent, string Role, string KeyId, Guid Webhook, string Sla, string Rule, string Template,
        Guid Channel, Guid Attachment)
    {
        public IEnumerable<string> Markers(bool includeIds) =>
            includeIds ? [Secret, Tenant, Ticket.ToString(), Customer.ToString(), ExternalId, KeyId, Webhook.ToString(), Channel.ToString(), Attachment.ToString()] : [Secret, Tenant];
    }

    private static async Task<Seed> SeedAsync(ApiClient a)
    {
        var externalId = TicketRequests.NewCustomer();
        var created = (await a.PostAsync(TicketRequests.Tickets, TicketRequests.Create(Secret, customer: externalId))).Expect(HttpStatusCode.Created);
        var ticket = created.Id;
        (await a.PostAsync($"{TicketRequests.Ticket(ticket)}/messages", new { author = "a-agent", body = Secret, @internal = true })).Expect(HttpStatusCode.OK);
        (await a.PutAsync("/api/v1/agents/a-agent/queues", new { queues = new[] { "refund" } })).Expect(HttpStatusCode.OK);
        (await a.PutAsync("/api/v1/roles/a-role", new { permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.OK);
        var key = (await a.PostAsync("/api/v1/api-keys", new { name = Secret, permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.Created);
        (await a.PutAsync("/api/v1/calendars/a-sla", new { timeZone = "Asia/Shanghai", weeklyHours = new[] { new { day = "monday", start = "09:00", end = "18:00" } } }))
            .Expect(HttpStatusCode.OK);
        (await a.PutAsync("/api/v1/sla-policies/a-sla", new
        {
            calendar = "a-sla", targets = new[] { new { metric = "first_reply", seconds = 60 } }, escalation = new { notify = Secret },
        })).Expect(HttpStatusCode.OK);
        (await a.PutAsync("/api/v1/rules/a-rule", new { type = "routing", description = Secret, then = new { queue = "a-queue" } })).Expect(HttpStatusCode.OK);
        (await a.PutAsync("/api/v1/templates/a-template", new { description = Secret })).Expect(HttpStatusCode.OK);
        (await a.PutAsync("/api/v1/macros/a-macro", new { title = "a-macro", body = Secret })).Expect(HttpStatusCode.OK);
        var webhook = (await a.PostAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/a-hook", events = new[] { "ticket.created" } }))
            .Expect(HttpStatusCode.Created).Json.GetProperty("id").GetGuid();
        var channel = (await a.PostAsync("/api/v1/channels", new { type = "app", name = "a-channel", settings = new { secret = Secret } }))
            .Expect(HttpStatusCode.Created).Id;
        var attachment = (await Attachments.AttachmentRequests.UploadAsync(a, ticket, Encoding.UTF8.GetBytes(Secret), "a-secret.txt", "text/plain"))
            .Expect(HttpStatusCode.Created).Id;
        return new Seed(
            a.Tenant!, ticket, created.Json.GetProperty("customerId").GetGuid(), externalId, "a-agent", "a-role", key.String("id")!, webhook, "a-sla", "a-rule", "a-template",
            channel, attachment);
    }

    private static async Task<string> SnapshotAsync(ApiClient a, Seed seed)
    {
        string[] paths =
        [
            TicketRequests.Ticket(seed.Ticket), $"{TicketRequests.Ticket(seed.Ticket)}/events", $"/api/v1/customers/{seed.Customer}",
            $"/api/v1/agents/{seed.Agent}", $"/api/v1/roles/{seed.Role}", "/api/v1/api-keys", TicketRequests.Tickets,
            $"/api/v1/sla-policies/{seed.Sla}", $"/api/v1/calendars/{seed.Sla}", $"/api/v1/rules/{seed.Rule}", $"/api/v1/templates/{seed.Template}", "/api/v1/webhooks",
            "/api/v1/channels", "/api/v1/macros",
        ];
        var parts = new List<string>();
        foreach (var path in paths)
        {
            parts.Add((await a.GetAsync(path)).Expect(HttpStatusCode.OK).Text);
        }

        return string.Join('\n', parts);
    }

    /// <summary>The URL with every parameter aimed at A, and whether it names a resource that only A has.</summary>
    private static (string Url, bool TargetsA) Fill(string template, string operation, Seed seed)
    {
        if (template.StartsWith("/dashboard", StringComparison.Ordinal))
        {
            // The Orleans dashboard is cluster-wide (every tenant's grains): tenant B's admin must be refused outright.
            return (string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? "x" : s)), true);
        }

        var targetsA = false;
        var url = template;
        foreach (var parameter in template.Split('{').Skip(1).Select(p => p[..p.IndexOf('}', StringComparison.Ordinal)]))
        {
            var value = (operation, parameter) switch
            {
                (_, "agentId") => seed.Agent,
                (_, "ticketId") => seed.Ticket.ToString(),
                ("GetSlaPolicy" or "PutSlaPolicy" or "GetCalendar" or "PutCalendar", "name") => seed.Sla,
                ("AcceptProposedField" or "RejectProposedField", "name") => "orderNo",
                (_, "name") when template.StartsWith("/api/v1/templates/", StringComparison.Ordinal) => seed.Template,
                (_, "name") => seed.Role,
                (_, "id") when template.StartsWith("/api/v1/rules/", StringComparison.Ordinal) => seed.Rule,
                ("GetCustomer" or "RevealCustomer" or "ErasePersonalData" or "GetLinkProposals" or "MergeCustomers" or "UnmergeCustomers", "id") => seed.Customer.ToString(),
                // Macros are named per tenant like rules: B's "a-macro" is B's own.
                (_, "id") when template.StartsWith("/api/v1/macros/", StringComparison.Ordinal) => "a-macro",
                ("RevokeApiKey", "id") => seed.KeyId,
        (_, "id") when template.StartsWith("/api/v1/webhooks/", StringComparison.Ordinal) => seed.Webhook.ToString(),
                (_, "id") when template.StartsWith("/api/v1/channels/", StringComparison.Ordinal) => seed.Channel.ToString(),
                (_, "id") when template.StartsWith("/api/v1/attachments/", StringComparison.Ordinal) => seed.Attachment.ToString(),
                (_, "id") when template.StartsWith(TicketRequests.Tickets, StringComparison.Ordinal) => seed.Ticket.ToString(),
                // A surge id B never had (A's seed raises none): B must get the same 404 as for any other tenant's.
                (_, "id") when template.StartsWith("/api/v1/surges/", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ => throw new InvalidOperationException($"The walker does not know parameter '{parameter}' of {operation} ({template}); teach it."),
            };
            // Agents, roles, rules and templates are named per tenant: B's "a-agent" is B's own, so only A's data must not show.
            // A channel's inbound address is the platform's, open to anyone and authenticated by its signature: it must
            // refuse B's unsigned request without showing anything of A's.
            targetsA |= parameter is "ticketId" || (parameter is "id" && !template.StartsWith("/api/v1/rules/", StringComparison.Ordinal)
                && !template.StartsWith("/api/v1/macros/", StringComparison.Ordinal)
                && !template.EndsWith("/inbound", StringComparison.Ordinal));
            url = url.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        // Query filters aimed at A's resources must find nothing of A's in B's listings, exports and audit log.
        var query = operation switch
        {
            "ListTickets" => $"?customerId={seed.Customer}&assignee={seed.Agent}",
            "ListAuditEntries" => $"?target=ticket:{seed.Ticket}",
            "FindCustomer" => $"?channel=web&externalId={seed.ExternalId}",
            "ReadUsage" => "?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z&granularity=day",
            "TicketsPerHour" => $"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}",
            _ => "",
        };
        // A's channel identity is A's alone: B looking it up must find nothing.
        return (url + query, targetsA || operation == "FindCustomer");
    }

    private static object BodyFor(string operation) => operation switch
    {
        "CreateTicket" => TicketRequests.Create("B's own ticket"),
        "AddTicketMessage" => new { author = "b-agent", body = "from b" },
        "ChangeTicketStatus" => new { status = "open" },
        "ChangeTicketPriority" => new { priority = "high" },
        "AssignTicket" => new { agentId = "b-agent" },
        "AcceptProposedField" => new { value = "from b" },
        "SetAgentQueues" => new { queues = new[] { "complaint" } },
        "PutAgent" => new { capacity = new { chat = 3 }, queues = new[] { "complaint" } },
        "SetAgentPresence" => new { presence = "online" },
        "PutQueue" => new { strategy = "push" },
        "PutRole" => new { permissions = new[] { "admin" } },
        "CreateApiKey" => new { name = "b-key", permissions = new[] { "tickets:read" } },
        "PutSlaPolicy" => new { targets = new[] { new { metric = "first_reply", seconds = 30 } } },
        "PutCalendar" => new { timeZone = "Europe/Berlin", weeklyHours = new[] { new { day = "friday", start = "10:00", end = "11:00" } } },
        "PutRule" => new { type = "routing", then = new { queue = "b-queue" } },
        "PutTemplate" => new { description = "B's own template" },
        "PutMacro" => new { title = "B's macro", body = "from b" },
        // Not multipart: B's upload to A's ticket must be refused for the ticket before its body is looked at.
        "UploadTicketAttachment" => new { file = "b's file" },
        "CreateChannel" or "ReplaceChannel" => new { type = "app", name = "b-channel", settings = new { secret = "b-secret" } },
        "CreateWebhook" => new { url = "https://93.184.215.14/b-hook", events = new[] { "ticket.created" } },
        // A's channel is not a web channel, and B holds no visitor token of it.
        "PostWebMessage" => new { messageId = "b-message", message = "from b" },
        // The same order number as A's ticket: B's event must reach only B's tickets.
        "ReceiveOrderEvent" => new { eventId = "b-event", type = "shipped", orderNo = "20261111-42" },
        // Reads and writes no tenant's data: the answer depends on the text alone.
        "ClassifyIntent" => new { text = "申请退款一周了还没到账" },
        "ExtractFields" => new { text = "订单号 4567890123456789" },
        "MergeCustomers" => new { customerId = Guid.NewGuid() },
        "UnmergeCustomers" => new { mergeId = Guid.NewGuid() },
        "SetSurgeSettings" => new { openProblemTicket = true, surgeQueue = "b-surge" },
        "SetUsagePlan" => new { name = "b-plan", quotas = new Dictionary<string, object> { ["tickets.perDay"] = new { soft = 1_000_000 } } },
        _ => throw new InvalidOperationException($"The walker has no request body for {operation}; teach it."),
    };

    /// <summary>B's live feed shows B's changes and none of A's made before them.</summary>
    private async Task AssertFeedIsolatedAsync(ApiClient a, ApiClient b)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var feed = await EventFeed.OpenAsync(cluster.Http, EventFeed.Bearer(TestTokens.Admin(b.Tenant!)), null, deadline.Token);

        var ofA = (await a.PostAsync(TicketRequests.Tickets, TicketRequests.Create(Secret))).Expect(HttpStatusCode.Created).Id;
        var ofB = (await b.PostAsync(TicketRequests.Tickets, TicketRequests.Create("B's live one"))).Expect(HttpStatusCode.Created).Id;

        // B's tickets from the walk may still change on their own (assignment re-queues and offers them asynchronously):
        // read up to B's new ticket, and none of what B sees on the way may be A's.
        var seen = new List<EventFeed.Item>();
        while (seen.LastOrDefault()?.Change != (ofB, 1))
        {
            seen.AddRange(await feed.ChangesAsync(1, deadline.Token));
        }

        Assert.All(seen, change =>
        {
            Assert.DoesNotContain(ofA.ToString(), change.Data, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, change.Data, StringComparison.Ordinal);
        });
    }
}
