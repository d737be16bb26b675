using System.Net;
using System.Text;
using System.Text.Json;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Api;

/// <summary>An error stays the right ProblemDetails whatever the client says it accepts.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemNegotiationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    [InlineData("application/xml")]
    public Task Errors_keep_their_status_and_problem_body_for_any_accept_header(string accept) => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = TestTokens.Mint(tenant, "it-agent", roles: ["agent"]);

        using var invalid = await SendAsync(accept, TestTokens.Admin(tenant), HttpMethod.Post, TicketRequests.Tickets, "{\"subject\": 5}");
        using var forbidden = await SendAsync(accept, agent, HttpMethod.Get, "/api/v1/roles", null);
        using var missing = await SendAsync(accept, agent, HttpMethod.Get, TicketRequests.Ticket(Guid.NewGuid()), null);

        await AssertProblemAsync(invalid, HttpStatusCode.BadRequest);
        await AssertProblemAsync(forbidden, HttpStatusCode.Forbidden);
        await AssertProblemAsync(missing, HttpStatusCode.NotFound);
    });

    private async Task<HttpResponseMessage> SendAsync(string accept, string token, HttpMethod method, string path, string? json)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Accept", accept);
        request.Headers.Add("Authorization", "Bearer " + token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await cluster.Http.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, body.RootElement.GetProperty("status").GetInt32());
    }
}
