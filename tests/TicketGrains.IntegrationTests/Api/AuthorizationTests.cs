using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>Each endpoint asks for a permission; roles (built-in or the tenant's own) and API keys grant them.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_works_tickets_but_may_not_manage_roles_or_keys_nor_open_the_dashboard() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "alice", ["agent"]));
        var id = (await agent.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Agent made"))).Expect(HttpStatusCode.Created).Id;
        (await agent.PostAsync("/api/v1/agents/alice/next")).Expect(HttpStatusCode.OK);

        var roles = (await agent.PutAsync("/api/v1/roles/triage", new { permissions = new[] { "tickets:read" } })).Expect(HttpStatusCode.Forbidden);
        var keys = (await agent.GetAsync("/api/v1/api-keys")).Expect(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/dashboard/")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal("Missing permission: admin.", roles.String("detail"));
        Assert.Equal(["admin"], roles.Json.GetProperty("missingPermissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("application/problem+json", keys.MediaType);
        Assert.Equal("alice", (await agent.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).String("assignee"));
    });

    [Fact]
    public Task An_auditor_reads_but_may_not_write_or_assign() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var id = (await cluster.Client(tenant).PostAsync(TicketRequests.Tickets, TicketRequests.Create("Audited"))).Expect(HttpStatusCode.Created).Id;
        var auditor = cluster.Client(tenant, TestTokens.Mint(tenant, "audrey", ["auditor"]));

        (await auditor.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK);
        var write = (await auditor.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "open" })).Expect(HttpStatusCode.Forbidden);
        var pull = (await auditor.PostAsync("/api/v1/agents/audrey/next")).Expect(HttpStatusCode.Forbidden);

        Assert.Equal("Missing permission: tickets:write.", write.String("detail"));
        Assert.Equal("Missing permission: tickets:assign.", pull.String("detail"));
        Assert.Equal("new", (await auditor.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).String("status"));
    });

    [Fact]
    public Task A_custom_role_grants_exactly_its_permissions() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var admin = cluster.Client(tenant);
        var id = (await admin.PostAsync(TicketRequests.Tickets, TicketRequests.Create("For triage"))).Expect(HttpStatusCode.Created).Id;
        var put = (await admin.PutAsync("/api/v1/roles/triage", new { permissions = new[] { "tickets:read", "tickets:assign" } })).Expect(HttpStatusCode.OK);
        var triage = cluster.Client(tenant, TestTokens.Mint(tenant, "tom", ["triage"]));

        (await triage.PostAsync($"{TicketRequests.Ticket(id)}/assignee", new { agentId = "tom" })).Expect(HttpStatusCode.OK);
        var write = (await triage.PostAsync($"{TicketRequests.Ticket(id)}/messages", new { author = "tom", body = "hi" })).Expect(HttpStatusCode.Forbidden);
        var read = (await admin.GetAsync("/api/v1/roles/triage")).Expect(HttpStatusCode.OK);

        Assert.Equal("it-admin", put.String("updatedBy"));
        Assert.False(read.Json.GetProperty("builtIn").GetBoolean());
        Assert.Equal(["tickets:read", "tickets:assign"], read.Json.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Missing permission: tickets:write.", write.String("detail"));
        // The same role name means nothing in another tenant.
        var stranger = TicketRequests.NewTenant();
        (await cluster.Client(stranger, TestTokens.Mint(stranger, "tom", ["triage"])).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.Forbidden);
    });

    [Fact]
    public Task Built_in_roles_cannot_be_redefined_and_unknown_permissions_are_named() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();

        var builtIn = (await admin.PutAsync("/api/v1/roles/agent", new { permissions = new[] { "admin" } })).Expect(HttpStatusCode.BadRequest);
        var unknown = (await admin.PutAsync("/api/v1/roles/helper", new { permissions = new[] { "tickets:read", "root" } })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["name"], builtIn.ErrorFields);
        Assert.Equal(["permissions[1]"], unknown.ErrorFields);
        var agent = (await admin.GetAsync("/api/v1/roles/agent")).Expect(HttpStatusCode.OK);
        Assert.Equal(["tickets:read", "tickets:write", "tickets:assign"], agent.Json.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        (await admin.GetAsync("/api/v1/roles/helper")).Expect(HttpStatusCode.NotFound);
    });

    [Fact]
    public Task An_api_key_acts_for_its_tenant_with_its_permissions_until_revoked() => cluster.RunAsync(output, async () =>
    {
        var admin = cluster.FreshTenant();
        var created = (await admin.PostAsync("/api/v1/api-keys", new { name = "erp", permissions = new[] { "tickets:read", "tickets:write" } }))
            .Expect(HttpStatusCode.Created);
        var key = created.String("key")!;
        var keyId = created.String("id")!;

        var id = (await WithKeyAsync(HttpMethod.Post, TicketRequests.Tickets, key, TicketRequests.Create("From the ERP"))).Expect(HttpStatusCode.Created).Id;
        var assign = (await WithKeyAsync(HttpMethod.Post, $"{TicketRequests.Ticket(id)}/assignee", key, new { agentId = "x" })).Expect(HttpStatusCode.Forbidden);
        var listed = (await admin.GetAsync("/api/v1/api-keys")).Expect(HttpStatusCode.OK);
        (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/api-keys/{keyId}"))).Expect(HttpStatusCode.NoContent);
        var revoked = (await WithKeyAsync(HttpMethod.Get, TicketRequests.Ticket(id), key, null)).Expect(HttpStatusCode.Unauthorized);
        var unknown = (await WithKeyAsync(HttpMethod.Get, TicketRequests.Tickets, "tgk_0123456789abcdef_" + new string('A', 43), null))
            .Expect(HttpStatusCode.Unauthorized);

        Assert.Equal(admin.Tenant, (await admin.GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.OK).String("tenantId"));
        Assert.Equal("Missing permission: tickets:assign.", assign.String("detail"));
        var entry = Assert.Single(listed.Json.EnumerateArray());
        Assert.Equal(keyId, entry.GetProperty("id").GetString());
        // The secret is everything after the id's underscore; it is base64url, so it may hold underscores itself.
        var secret = key[(key.IndexOf('_', "tgk_".Length) + 1)..];
        Assert.Equal(43, secret.Length);
        Assert.DoesNotContain(secret, listed.Text, StringComparison.Ordinal);
        Assert.Equal("The API key is unknown or revoked.", revoked.String("detail"));
        Assert.Equal("The API key is unknown or revoked.", unknown.String("detail"));
        Assert.StartsWith("ApiKey", revoked.Header("WWW-Authenticate"), StringComparison.Ordinal);
    });

    private Task<ApiResponse> WithKeyAsync(HttpMethod method, string path, string key, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body, ApiClient.Json), System.Text.Encoding.UTF8, "application/json");
        }

        // No bearer token is sent, to prove the key alone authenticates.
        return new ApiClient(cluster.Http, null, token: "").SendAsync(request);
    }
}
