using System.Net;
using System.Security.Cryptography;
using System.Text;
using TicketGrains.Api.Docs;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>Bearer tokens are checked for signature, issuer, audience, lifetime and tenant; refusals are 401 ProblemDetails.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string OperatorTenant = "default";

    public static TheoryData<string, string> WrongTokens => new()
    {
        { "expired", "The token has expired." },
        { "forged", "The token's signature is not valid." },
        { "wrong-issuer", "The token's issuer is not accepted." },
        { "wrong-audience", "The token's audience is not this API." },
        { "malformed-tenant", "The token has no valid 'tenant' or 'sub' claim." },
        { "not-a-jwt", "The token is not valid." },
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public Task A_wrong_token_is_401_problem_with_a_bearer_challenge(string kind, string detail) => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var token = kind switch
        {
            "expired" => TestTokens.Mint(tenant, "bob", ["admin"], lifetime: TimeSpan.FromMinutes(-5)),
            "forged" => TestTokens.Mint(tenant, "bob", ["admin"], signingKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            "wrong-issuer" => TestTokens.Mint(tenant, "bob", ["admin"], issuer: "someone-else"),
            "wrong-audience" => TestTokens.Mint(tenant, "bob", ["admin"], audience: "another-api"),
            "malformed-tenant" => TestTokens.Mint("Shop_A", "bob", ["admin"]),
            _ => "not.a.jwt",
        };

        var refused = (await cluster.Client(tenant, token).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.Unauthorized);

        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(detail, refused.String("detail"));
        Assert.StartsWith("Bearer", refused.Header("WWW-Authenticate"), StringComparison.Ordinal);
    });

    [Fact]
    public Task A_refused_token_is_in_the_operator_tenants_audit_log_but_no_credential_is_not() => cluster.RunAsync(output, async () =>
    {
        var forged = TestTokens.Mint(TicketRequests.NewTenant(), "mallory", ["admin"], signingKey: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var target = "bearer-token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(forged)))[..16];
        var auditor = cluster.Client(OperatorTenant, TestTokens.Mint(OperatorTenant, "audrey", ["auditor"]));
        using var anonymous = new HttpClient { BaseAddress = cluster.Http.BaseAddress };
        async Task<int> CountAsync() =>
            (await auditor.GetAsync("/api/v1/audit?action=sign-in-failed&limit=500")).Expect(HttpStatusCode.OK).Json.GetProperty("items").GetArrayLength();

        var before = await CountAsync();
        using var withoutCredential = await anonymous.GetAsync(TicketRequests.Tickets);
        var afterAnonymous = await CountAsync();
        (await cluster.Client(OperatorTenant, forged).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.Unauthorized);

        var entry = Assert.Single((await auditor.GetAsync($"/api/v1/audit?action=sign-in-failed&target={target}"))
            .Expect(HttpStatusCode.OK).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(
            (HttpStatusCode.Unauthorized, before, "anonymous", "reason=The token's signature is not valid."),
            (withoutCredential.StatusCode, afterAnonymous, entry.GetProperty("actor").GetString(), entry.GetProperty("detail").GetString()));
        Assert.True((await auditor.GetAsync("/api/v1/audit/verify")).Expect(HttpStatusCode.OK).Json.GetProperty("intact").GetBoolean());
    });

    [Fact]
    public Task No_credential_is_401_but_health_and_documents_stay_anonymous() => cluster.RunAsync(output, async () =>
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.Http.BaseAddress };

        using var tickets = await anonymous.GetAsync(TicketRequests.Tickets);
        using var dashboard = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.Unauthorized, tickets.StatusCode);
        Assert.Equal("Bearer", tickets.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, dashboard.StatusCode);
        foreach (var path in new[] { "/healthz", "/livez", "/readyz", "/metrics", "/openapi/v1.json", "/docs" })
        {
            using var open = await anonymous.GetAsync(path);
            Assert.True(open.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)open.StatusCode} without credentials.");
        }
    });

    [Fact]
    public Task The_openapi_document_declares_both_credentials_and_each_operations_permission() => cluster.RunAsync(output, async () =>
    {
        var document = (await cluster.Client(null, "").GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        var paths = document.GetProperty("paths");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal("Needs permission: tickets:assign.", paths.GetProperty("/api/v1/tickets/{id}/assignee").GetProperty("post").GetProperty("description").GetString());
        Assert.Equal("Needs permission: tickets:read + tickets:assign.",
            paths.GetProperty("/api/v1/agents/{agentId}/next").GetProperty("post").GetProperty("description").GetString());
        Assert.Empty(paths.GetProperty("/healthz").GetProperty("get").GetProperty("security").EnumerateArray());
    });

    [Fact]
    public Task X_tenant_id_naming_another_tenant_than_the_token_is_403() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        using var other = Request(HttpMethod.Get, TicketRequests.Tickets, TestTokens.Admin(api.Tenant!));
        other.Headers.Add(ApiClient.TenantHeader, TicketRequests.NewTenant());
        using var same = Request(HttpMethod.Get, TicketRequests.Tickets, TestTokens.Admin(api.Tenant!));
        same.Headers.Add(ApiClient.TenantHeader, api.Tenant);

        (await api.SendAsync(other)).Expect(HttpStatusCode.Forbidden);
        (await api.SendAsync(same)).Expect(HttpStatusCode.OK);
    });

    [Fact]
    public Task The_actor_of_a_command_is_the_token_subject_not_a_header() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var api = cluster.Client(tenant, TestTokens.Mint(tenant, "carol@shop", ["agent"]));
        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Who did it"))).Expect(HttpStatusCode.Created).Id;
        using var spoofed = Request(HttpMethod.Post, $"{TicketRequests.Ticket(id)}/status", TestTokens.Mint(tenant, "carol@shop", ["agent"]));
        spoofed.Headers.Add("X-Actor", "mallory");
        spoofed.Content = new StringContent("""{"status":"open"}""", System.Text.Encoding.UTF8, "application/json");

        (await api.SendAsync(spoofed)).Expect(HttpStatusCode.OK);

        var history = (await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK).Text;
        Assert.Contains("carol@shop", history, StringComparison.Ordinal);
        Assert.DoesNotContain("mallory", history, StringComparison.Ordinal);
    });

    [Fact]
    public Task Responses_carry_the_secure_headers() => cluster.RunAsync(output, async () =>
    {
        var listing = (await cluster.FreshTenant().GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
        var docs = (await cluster.Client().GetAsync("/docs")).Expect(HttpStatusCode.OK);

        foreach (var response in new[] { listing, docs })
        {
            Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
            Assert.Equal("DENY", response.Header("X-Frame-Options"));
            Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        }

        Assert.Equal("frame-ancestors 'none'", listing.Header("Content-Security-Policy"));
        Assert.Equal(DocsPage.ContentSecurityPolicy, docs.Header("Content-Security-Policy"));

        Assert.Equal("no-store", listing.Header("Cache-Control"));
        // Plain HTTP on loopback: HSTS is only ever sent over HTTPS.
        Assert.Null(listing.Header("Strict-Transport-Security"));
    });

    internal static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }
}
