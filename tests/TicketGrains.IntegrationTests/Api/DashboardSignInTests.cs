using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>A browser reaches the Orleans dashboard through the sign-in page and a cookie scoped to /dashboard.</summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardSignInTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string OperatorTenant = "default";

    [Fact]
    public Task A_browser_without_credential_is_sent_to_sign_in_and_the_cookie_then_opens_the_dashboard() => cluster.RunAsync(output, async () =>
    {
        using var browser = Browser();

        using var first = await browser.SendAsync(Page("/dashboard/"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/dashboard-login", first.Headers.Location?.OriginalString);

        using var signInPage = await browser.SendAsync(Page("/dashboard-login"));
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Contains("name=\"token\"", await signInPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cookie = await SignInAsync(browser, TestTokens.Admin(OperatorTenant));
        using var dashboard = await browser.SendAsync(Page("/dashboard/", cookie));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("text/html", dashboard.Content.Headers.ContentType?.MediaType);
    });

    [Fact]
    public Task The_cookie_is_http_only_strict_and_scoped_to_the_dashboard() => cluster.RunAsync(output, async () =>
    {
        using var browser = Browser();
        using var response = await browser.SendAsync(SignInForm(TestTokens.Admin(OperatorTenant)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/", response.Headers.Location?.OriginalString);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single().ToLowerInvariant();
        Assert.Contains("path=/dashboard", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", setCookie, StringComparison.Ordinal);
    });

    [Fact]
    public Task The_cookie_token_is_judged_like_a_header_token_and_opens_nothing_but_the_dashboard() => cluster.RunAsync(output, async () =>
    {
        using var browser = Browser();
        var agentCookie = await SignInAsync(browser, TestTokens.Mint(OperatorTenant, "it-agent", roles: ["agent"]));
        var otherShopAdminCookie = await SignInAsync(browser, TestTokens.Admin(TicketRequests.NewTenant()));
        var expiredCookie = await SignInAsync(browser, TestTokens.Mint(OperatorTenant, "it-admin", ["admin"], lifetime: TimeSpan.FromMinutes(-5)));
        var operatorCookie = await SignInAsync(browser, TestTokens.Admin(OperatorTenant));

        using var agent = await browser.SendAsync(Page("/dashboard/", agentCookie));
        using var otherShopAdmin = await browser.SendAsync(Page("/dashboard/", otherShopAdminCookie));
        using var expired = await browser.SendAsync(Page("/dashboard/", expiredCookie));
        var apiWithCookie = new HttpRequestMessage(HttpMethod.Get, TicketRequests.Tickets);
        apiWithCookie.Headers.Add("Cookie", operatorCookie);
        using var api = await browser.SendAsync(apiWithCookie);

        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherShopAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    });

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public Task A_bad_sign_in_form_is_a_400_naming_the_token(string token) => cluster.RunAsync(output, async () =>
    {
        using var browser = Browser();
        using var response = await browser.SendAsync(SignInForm(token));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"token\"", body, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    });

    private HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = cluster.Http.BaseAddress };

    private static HttpRequestMessage Page(string path, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html,application/xhtml+xml");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    private static HttpRequestMessage SignInForm(string token) => new(HttpMethod.Post, "/dashboard-login")
    {
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("token", token)]),
    };

    /// <summary>Signs in and returns the "name=value" pair a browser would send back.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, string token)
    {
        using var response = await browser.SendAsync(SignInForm(token));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }
}
