using System.Net;
using System.Text.RegularExpressions;

namespace TicketGrains.IntegrationTests.Workbench;

/// <summary>/app over real HTTP: the built page and its hashed assets, under a policy that lets it load only from this server.</summary>
[Collection(WorkbenchCollection.Name)]
public sealed partial class WorkbenchHostingTests(WorkbenchFixture product, ITestOutputHelper output)
{
    [Fact]
    public Task The_page_and_its_assets_are_served_without_a_token_under_a_strict_policy() => product.RunAsync(output, async () =>
    {
        var anonymous = product.Client(token: "");
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = product.Http.BaseAddress };
        using var redirect = await noRedirects.GetAsync("/app");
        var page = (await anonymous.GetAsync("/app/")).Expect(HttpStatusCode.OK);
        var script = AssetReference().Match(page.Text);

        Assert.Equal((HttpStatusCode.Redirect, "/app/"), (redirect.StatusCode, redirect.Headers.Location?.OriginalString));
        Assert.Equal("text/html", page.MediaType);
        // The page may also reach the OIDC provider's token endpoint (on its origin), and nothing else off this server.
        Assert.Equal(TicketGrains.Api.Workbench.WorkbenchHosting.ContentSecurityPolicy.Replace("connect-src 'self';",
            $"connect-src 'self' {WorkbenchFixture.OidcAuthority};", StringComparison.Ordinal), page.Header("Content-Security-Policy"));
        Assert.Equal("no-cache", page.Header("Cache-Control"));
        Assert.True(script.Success, $"The page names no hashed script: {page.Text}");
        var asset = (await anonymous.GetAsync("/app/" + script.Value)).Expect(HttpStatusCode.OK);
        Assert.Equal(("text/javascript", "public, max-age=31536000, immutable"), (asset.MediaType, asset.Header("Cache-Control")));
        Assert.NotNull(asset.Header("ETag"));
    });

    [Theory]
    [InlineData("/app/.built")]
    [InlineData("/app/app.ts")]
    [InlineData("/app/%2E%2E%2Fappsettings.json")]
    [InlineData("/app/workbench/index.html")]
    public Task Anything_but_the_built_files_is_not_found(string path) => product.RunAsync(output, async () =>
    {
        var answer = await product.Client(token: "").GetAsync(path);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (answer.Status, answer.MediaType));
    });

    [GeneratedRegex(@"app\.js\?v=[0-9a-f]{12}")]
    private static partial Regex AssetReference();
}
