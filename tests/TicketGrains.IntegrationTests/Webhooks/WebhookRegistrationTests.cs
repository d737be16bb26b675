using System.Net;
using TicketGrains.IntegrationTests.Api;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>POST/GET/DELETE /api/v1/webhooks on a silo with the default settings (private networks refused).</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookRegistrationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("https://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    public Task A_url_on_a_loopback_or_private_address_is_refused(string url) => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().PostAsync("/api/v1/webhooks", new { url, events = new[] { "ticket.created" } }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["url"], refused.ErrorFields);
        Assert.Contains("not a public address", refused.Json.GetProperty("errors").GetProperty("url")[0].GetString());
    });

    [Fact]
    public Task Unknown_event_types_and_bad_urls_are_named() => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().PostAsync("/api/v1/webhooks",
            new { url = "ftp://example.com/x", events = new[] { "ticket.created", "ticket.deleted" } })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["events[1]", "url"], refused.ErrorFields);
    });

    [Fact]
    public Task A_webhook_is_listed_without_its_secret_and_deleted() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var created = (await api.PostAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = new[] { "sla.breached" } }))
            .Expect(HttpStatusCode.Created).Json;
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", created.GetProperty("secret").GetString());

        var listed = (await api.GetAsync("/api/v1/webhooks")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("secret", listed.Text);
        Assert.Equal([id], listed.Json.EnumerateArray().Select(w => w.GetProperty("id").GetGuid()));
        var stored = await cluster.Database.ColumnAsync<byte[]>("SELECT sealed_secret FROM tg_webhooks WHERE webhook_id = $1", id);
        Assert.DoesNotContain(Convert.FromBase64String(created.GetProperty("secret").GetString()!["whsec_".Length..]), stored);
        (await cluster.FreshTenant().GetAsync($"/api/v1/webhooks/{id}")).Expect(HttpStatusCode.NotFound);

        (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/webhooks/{id}"))).Expect(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/webhooks/{id}")).Expect(HttpStatusCode.NotFound);
    });
}
