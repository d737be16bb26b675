using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>/docs is the interactive reference, served whole by this server; the OpenAPI document behind it has examples.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiReferenceTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task Docs_is_the_reference_with_every_asset_from_this_server_and_a_self_only_policy() => cluster.RunAsync(output, async () =>
    {
        using var anonymous = new HttpClient { BaseAddress = cluster.Http.BaseAddress };

        using var page = await anonymous.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        var scripts = ScriptSources().Matches(html).Select(m => new Uri(page.RequestMessage!.RequestUri!, m.Groups[1].Value)).ToList();

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Contains("<title>TicketGrains API</title>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(AnyAbsoluteUrl(), html);
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.Equal(cluster.Http.BaseAddress!.Authority, script.Authority);
            using var asset = await anonymous.GetAsync(script);
            Assert.Equal((HttpStatusCode.OK, "text/javascript"), (asset.StatusCode, asset.Content.Headers.ContentType?.MediaType));
        }

        // The browser itself refuses anything from another host: fonts, telemetry, a proxy for "try it".
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch(AnyAbsoluteUrl(), policy);
    });

    [Fact]
    public Task Every_api_operation_in_the_document_is_in_the_readme_and_the_readme_names_no_other() => cluster.RunAsync(output, async () =>
    {
        var document = (await cluster.Client(null, "").GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        var served = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(o => $"{o.Name.ToUpperInvariant()} {Shape(p.Name)}"))
            .ToHashSet(StringComparer.Ordinal);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoLayout.Root, "README.md"));
        var documented = ReadmeRoute().Matches(readme)
            .SelectMany(m => m.Groups["methods"].Value.Split('|').Select(method => $"{method} {Shape(m.Groups["path"].Value)}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(served.Except(documented).Order(StringComparer.Ordinal));
        // The development token issuer's route exists only where Auth:DevIssuer is on, which this fixture leaves off.
        Assert.Empty(documented.Except(served).Where(r => r != "POST /api/v1/dev/tokens").Order(StringComparer.Ordinal));
    });

    /// <summary>A route with its parameters unnamed, so "{id}" and "{ticketId}" compare equal.</summary>
    private static string Shape(string path) => RouteParameter().Replace(path.Split('?')[0], "{}");

    [GeneratedRegex(@"`(?<methods>(?:GET|POST|PUT|DELETE|PATCH)(?:\|(?:GET|POST|PUT|DELETE|PATCH))*) (?<path>/api/[^`\s]*)`")]
    private static partial Regex ReadmeRoute();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public Task The_document_declares_the_credentials_and_its_examples_are_requests_the_api_accepts() => cluster.RunAsync(output, async () =>
    {
        var document = (await cluster.Client(null, "").GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var api = cluster.FreshTenant();

        Assert.Equal(("http", "bearer", "JWT"), (schemes.GetProperty("bearer").GetProperty("type").GetString(),
            schemes.GetProperty("bearer").GetProperty("scheme").GetString(), schemes.GetProperty("bearer").GetProperty("bearerFormat").GetString()));
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("apiKey").GetProperty("type").GetString(),
            schemes.GetProperty("apiKey").GetProperty("in").GetString(), schemes.GetProperty("apiKey").GetProperty("name").GetString()));
        var created = (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/tickets", "/api/v1/tickets")).Expect(HttpStatusCode.Created);
        Assert.Equal("快递三天没动", created.String("subject"));
        var ticket = TicketRequests.Ticket(created.Id);
        (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/tickets/{id}/messages", ticket + "/messages")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/tickets/{id}/status", ticket + "/status")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/tickets/{id}/assignee", ticket + "/assignee")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/agents/{agentId}/queues", "/api/v1/agents/alice/queues")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/agents/{agentId}", "/api/v1/agents/alice")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/agents/{agentId}/presence", "/api/v1/agents/alice/presence")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/queues/{name}", "/api/v1/queues/after-sales")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/roles/{name}", "/api/v1/roles/exporter")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/api-keys", "/api/v1/api-keys")).Expect(HttpStatusCode.Created);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/calendars/{name}", "/api/v1/calendars/shanghai-office")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/sla-policies/{name}", "/api/v1/sla-policies/vip")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/rules/{id}", "/api/v1/rules/refund-rejected")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/templates/{name}", "/api/v1/templates/my-618")).Expect(HttpStatusCode.OK);
        var channel = (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/channels", "/api/v1/channels")).Expect(HttpStatusCode.Created);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/channels/{id}", $"/api/v1/channels/{channel.Id}")).Expect(HttpStatusCode.OK);
        (await SendExampleAsync(api, document, HttpMethod.Put, "/api/v1/surges/settings", "/api/v1/surges/settings")).Expect(HttpStatusCode.OK);
        var orderEvent = (await SendExampleAsync(api, document, HttpMethod.Post, "/api/v1/order-events", "/api/v1/order-events")).Expect(HttpStatusCode.OK);
        Assert.Equal([created.Id], orderEvent.Json.GetProperty("ticketIds").EnumerateArray().Select(t => t.GetGuid()));
    });

    /// <summary>Sends the operation's example body, as "try it" pre-fills it.</summary>
    private static Task<ApiResponse> SendExampleAsync(ApiClient api, JsonElement document, HttpMethod method, string template, string path)
    {
        var example = document.GetProperty("paths").GetProperty(template).GetProperty(method.Method.ToLowerInvariant())
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        return api.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(example.GetRawText(), Encoding.UTF8, "application/json") });
    }

    [GeneratedRegex("<script[^>]*\\ssrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();

    [GeneratedRegex("https?://")]
    private static partial Regex AnyAbsoluteUrl();
}
