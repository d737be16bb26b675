using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Security;

/// <summary>
/// Tokens of an OpenID Connect identity provider (Auth:Authority), checked with the RS256 and ES256 keys its discovery
/// document publishes, over real HTTP against a real silo; the HS256 tokens keep working beside them.
/// </summary>
public sealed class IdentityProviderTokenTests(IdentityProviderFixture fixture, ITestOutputHelper output) : IClassFixture<IdentityProviderFixture>
{
    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    public Task A_token_signed_with_a_published_key_is_accepted_with_its_tenant_and_subject(string algorithm) => fixture.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var key = algorithm == "RS256" ? fixture.RsaKey : fixture.EcKey;
        var api = fixture.Client(tenant, fixture.Provider.Mint(key, tenant, "idp-agent@shop", ["agent"]));

        var id = (await api.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Signed by " + algorithm))).Expect(HttpStatusCode.Created).Id;
        (await api.PostAsync($"{TicketRequests.Ticket(id)}/status", new { status = "open" })).Expect(HttpStatusCode.OK);

        var history = (await api.GetAsync($"{TicketRequests.Ticket(id)}/events")).Expect(HttpStatusCode.OK).Text;
        Assert.Contains("idp-agent@shop", history, StringComparison.Ordinal);
        // The ticket is the token's tenant's: another tenant's admin does not see it.
        var other = TicketRequests.NewTenant();
        (await fixture.Client(other, TestTokens.Admin(other)).GetAsync(TicketRequests.Ticket(id))).Expect(HttpStatusCode.NotFound);
    });

    public static TheoryData<string, string> WrongTokens => new()
    {
        { "expired", "The token has expired." },
        { "wrong-audience", "The token's audience is not this API." },
        { "wrong-issuer", "The token's issuer is not accepted." },
        { "no-tenant", "The token has no valid 'tenant' or 'sub' claim." },
        { "hs256-claiming-the-provider", "The token's signature is not valid." },
        { "provider-key-claiming-auth-issuer", "The token's signature is not valid." },
    };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public Task A_wrong_provider_token_is_401_with_the_reason(string kind, string detail) => fixture.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var provider = fixture.Provider;
        var token = kind switch
        {
            "expired" => provider.Mint(fixture.RsaKey, tenant, "bob", ["admin"], lifetime: TimeSpan.FromMinutes(-5)),
            "wrong-audience" => provider.Mint(fixture.EcKey, tenant, "bob", ["admin"], audience: "another-api"),
            "wrong-issuer" => provider.Mint(fixture.RsaKey, tenant, "bob", ["admin"], issuer: "https://idp.elsewhere.example"),
            "no-tenant" => provider.Mint(fixture.RsaKey, null, "bob", ["admin"]),
            // The API's own HS256 key may not sign for the provider, nor the provider's keys for the API's issuer.
            "hs256-claiming-the-provider" => TestTokens.Mint(tenant, "bob", ["admin"], issuer: provider.Issuer),
            _ => provider.Mint(fixture.RsaKey, tenant, "bob", ["admin"], issuer: TestTokens.Issuer),
        };

        var refused = (await fixture.Client(tenant, token).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.Unauthorized);

        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(detail, refused.String("detail"));
    });

    [Fact]
    public Task A_key_rotated_in_at_the_provider_is_accepted_on_first_use_and_unknown_key_ids_fetch_at_most_once() => fixture.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var provider = fixture.Provider;
        (await fixture.Client(tenant, provider.Mint(fixture.RsaKey, tenant, "ann", ["agent"])).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
        var fetchesBefore = provider.JwksFetches;

        var rotated = provider.Publish(TestSigningKey.Rsa());
        var withNewKey = await fixture.Client(tenant, provider.Mint(rotated, tenant, "ann", ["agent"])).GetAsync(TicketRequests.Tickets);
        var fetchesAfterRotation = provider.JwksFetches;
        // Keys nobody published: each names an unknown key id, and the one fetch per interval is spent.
        var unpublished = new List<ApiResponse>();
        for (var i = 0; i < 5; i++)
        {
            var stranger = i % 2 == 0 ? TestSigningKey.Rsa() : TestSigningKey.EcP256();
            unpublished.Add(await fixture.Client(tenant, provider.Mint(stranger, tenant, "ann", ["admin"])).GetAsync(TicketRequests.Tickets));
        }

        withNewKey.Expect(HttpStatusCode.OK);
        Assert.Equal(fetchesBefore + 1, fetchesAfterRotation);
        Assert.All(unpublished, r => Assert.Equal("The token's signature is not valid.", r.Expect(HttpStatusCode.Unauthorized).String("detail")));
        Assert.Equal(fetchesAfterRotation, provider.JwksFetches);
    });

    [Fact]
    public Task Hs256_tokens_from_the_configured_key_and_the_dev_issuer_are_still_accepted() => fixture.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        using var anonymous = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        var issued = (await new ApiClient(anonymous, null).PostAsync("/api/v1/dev/tokens", new { tenant, subject = "dev", roles = new[] { "agent" } }))
            .Expect(HttpStatusCode.OK).String("token")!;

        (await fixture.Client(tenant, TestTokens.Admin(tenant)).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
        (await fixture.Client(tenant, issued).GetAsync(TicketRequests.Tickets)).Expect(HttpStatusCode.OK);
    });
}
