using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>
/// The production sign-in: the authorization code flow with PKCE against the provider /app/sign-in.json names. The
/// provider is played by Playwright's routing of its host in the browser (the test's stand-in checks the client id, the
/// redirect address and the PKCE proof as a provider must, and issues a token the API trusts); the page, the API and the
/// database are the real ones.
/// </summary>
[Collection(WorkbenchCollection.Name)]
public sealed class WorkbenchOidcTests(WorkbenchFixture product, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Fact]
    public Task An_agent_signs_in_with_the_identity_provider_by_code_and_PKCE_and_a_forged_state_is_refused() => product.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var options = (await product.Client(token: "").GetAsync("/app/sign-in.json")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((true, WorkbenchFixture.OidcAuthority, WorkbenchFixture.OidcClientId, "openid profile"),
            (options.GetProperty("devIssuer").GetBoolean(), options.GetProperty("oidc").GetProperty("authority").GetString(),
            options.GetProperty("oidc").GetProperty("clientId").GetString(), options.GetProperty("oidc").GetProperty("scope").GetString()));

        await using var browser = await WorkbenchBrowser.OpenAsync(chromium, product.Http.BaseAddress!, "en");
        var page = browser.Page;
        var provider = new StandInProvider(tenant, new Uri(product.Http.BaseAddress!, "/app/").ToString());
        await page.Context.RouteAsync(WorkbenchFixture.OidcAuthority + "/**", provider.AnswerAsync);

        // First the provider's answer comes back with another state: the page must not exchange its code.
        provider.ForgeState = true;
        await page.Locator("#oidc-sign-in").ClickAsync();
        await page.Locator("#sign-in-error", new() { HasText = "Single sign-on failed: state" }).WaitForAsync(WorkbenchBrowser.Shown);
        Assert.Equal(0, provider.TokenRequests);
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);

        provider.ForgeState = false;
        await page.Locator("#oidc-sign-in").ClickAsync();
        await browser.LoadedAsync("inbox");
        Assert.Equal($"olga ({tenant})", await page.Locator(".user .who").TextContentAsync());
        Assert.Equal((1, true), (provider.TokenRequests, provider.ProofMatched));
        Assert.Equal(("code", WorkbenchFixture.OidcClientId, provider.RedirectUri, "S256", "openid profile"), provider.Authorization);
        Assert.EndsWith("/app/#/inbox", page.Url, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ticketgrains.workbench.oidc')"));
        var agents = (await product.Client(tenant).GetAsync("/api/v1/agents")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["olga"], agents.EnumerateArray().Select(a => a.GetProperty("agentId").GetString()));
    });

    /// <summary>The identity provider as the page meets it: discovery, the authorization endpoint and the token endpoint.</summary>
    private sealed class StandInProvider(string tenant, string redirectUri)
    {
        private const string Code = "code-4f1c";
        private string? _challenge;

        public string RedirectUri => redirectUri;

        public bool ForgeState { get; set; }

        public int TokenRequests { get; private set; }

        /// <summary>What the last authorization request asked for: response type, client id, redirect address, challenge method, scope.</summary>
        public (string?, string?, string?, string?, string?) Authorization { get; private set; }

        public bool ProofMatched { get; private set; }

        public async Task AnswerAsync(IRoute route)
        {
            var request = route.Request;
            var url = new Uri(request.Url);
            var cors = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" };
            switch (url.AbsolutePath)
            {
                case "/.well-known/openid-configuration":
                    await route.FulfillAsync(new() { Status = 200, Headers = cors, ContentType = "application/json", Body = JsonSerializer.Serialize(new
                    {
                        issuer = WorkbenchFixture.OidcAuthority,
                        authorization_endpoint = WorkbenchFixture.OidcAuthority + "/authorize",
                        token_endpoint = WorkbenchFixture.OidcAuthority + "/token",
                    }) });
                    break;
                case "/authorize":
                    var query = System.Web.HttpUtility.ParseQueryString(url.Query);
                    Authorization = (query["response_type"], query["client_id"], query["redirect_uri"], query["code_challenge_method"], query["scope"]);
                    _challenge = query["code_challenge"];
                    var state = ForgeState ? "forged" : query["state"];
                    await route.FulfillAsync(new() { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = $"{redirectUri}?code={Code}&state={state}" } });
                    break;
                case "/token":
                    TokenRequests++;
                    var form = System.Web.HttpUtility.ParseQueryString(request.PostData ?? "");
                    var proof = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"] ?? "")));
                    ProofMatched = form["grant_type"] == "authorization_code" && form["code"] == Code && form["client_id"] == WorkbenchFixture.OidcClientId
                        && form["redirect_uri"] == redirectUri && proof == _challenge;
                    await route.FulfillAsync(ProofMatched
                        ? new() { Status = 200, Headers = cors, ContentType = "application/json",
                            Body = JsonSerializer.Serialize(new { access_token = TestTokens.Mint(tenant, "olga", ["agent"]), token_type = "Bearer", expires_in = 3600 }) }
                        : new() { Status = 400, Headers = cors, ContentType = "application/json", Body = "{\"error\":\"invalid_grant\"}" });
                    break;
                default:
                    await route.FulfillAsync(new() { Status = 404 });
                    break;
            }
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
