using System.Net;
using System.Text.Json;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>The pages and documents next to the API: OpenAPI, docs, dashboard, probes, metrics.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperationsEndpointsTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task OpenApi_document_is_json_listing_the_ticket_endpoints() => cluster.RunAsync(output, async () =>
    {
        var document = (await cluster.Client().GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);

        Assert.Equal("application/json", document.MediaType);
        var paths = document.Json.GetProperty("paths");
        Assert.Equal(JsonValueKind.Object, paths.GetProperty("/api/v1/tickets").ValueKind);
        Assert.Equal(JsonValueKind.Object, paths.GetProperty("/api/v1/agents/{agentId}/next").ValueKind);
    });

    [Theory]
    [InlineData("/docs", "text/html")]
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/healthz", "application/json")]
    [InlineData("/livez", "application/json")]
    [InlineData("/readyz", "application/json")]
    [InlineData("/metrics", "text/plain")]
    public Task Page_answers_200(string path, string mediaType) => cluster.RunAsync(output, async () =>
    {
        var page = (await cluster.Client().GetAsync(path)).Expect(HttpStatusCode.OK);

        Assert.Equal(mediaType, page.MediaType);
    });
}
