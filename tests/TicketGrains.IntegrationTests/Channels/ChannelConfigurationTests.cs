using System.Net;
using System.Text;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>POST/GET/PUT/DELETE /api/v1/channels: settings go in sealed and never come out.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChannelConfigurationTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private const string Secret = "wx-token-only-the-platform-knows";

    [Fact]
    public Task A_channel_answers_its_inbound_address_and_setting_names_but_never_a_setting() => cluster.RunAsync(output, async () =>
    {
        var api = cluster.FreshTenant();
        var created = (await api.PostAsync("/api/v1/channels", new
        {
            type = "app", name = "Shop app", settings = new { secret = Secret, threading = new { windowHours = 24, joinOn = new[] { "order" } } },
        })).Expect(HttpStatusCode.Created);
        var id = created.Id;

        Assert.Equal($"/api/v1/channels/{id}/inbound", created.String("inbound"));
        Assert.Equal(["secret"], created.Json.GetProperty("settingNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(24, created.Json.GetProperty("threading").GetProperty("windowHours").GetInt32());
        var listed = (await api.GetAsync("/api/v1/channels")).Expect(HttpStatusCode.OK);
        Assert.Equal([id], listed.Json.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(Secret, created.Text + listed.Text, StringComparison.Ordinal);
        var stored = (await cluster.Database.ColumnAsync<byte[]>("SELECT sealed_settings FROM tg_channels WHERE channel_id = $1", id)).Single();
        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        (await cluster.FreshTenant().GetAsync($"/api/v1/channels/{id}")).Expect(HttpStatusCode.NotFound);

        var replaced = (await api.PutAsync($"/api/v1/channels/{id}", new { type = "phone", name = "Hotline", settings = new { secret = "new", region = "cn" } }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(("phone", "Hotline"), (replaced.String("type"), replaced.String("name")));
        Assert.Equal(["region", "secret"], replaced.Json.GetProperty("settingNames").EnumerateArray().Select(n => n.GetString()));

        (await api.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/channels/{id}"))).Expect(HttpStatusCode.NoContent);
        (await api.GetAsync($"/api/v1/channels/{id}")).Expect(HttpStatusCode.NotFound);
        (await cluster.Client(null, "").PostRawAsync($"/api/v1/channels/{id}/inbound", "{}")).Expect(HttpStatusCode.NotFound);
    });

    [Fact]
    public Task A_missing_required_setting_and_a_bad_threading_rule_are_named() => cluster.RunAsync(output, async () =>
    {
        var refused = (await cluster.FreshTenant().PostAsync("/api/v1/channels", new
        {
            type = "app", name = "Shop app", settings = new { token = "t", threading = new { windowHours = 0 } },
        })).Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["settings.secret", "settings.threading.windowHours"], refused.ErrorFields);
    });

    [Fact]
    public Task Channels_need_channels_manage_which_supervisors_have_and_agents_do_not() => cluster.RunAsync(output, async () =>
    {
        var tenant = TicketRequests.NewTenant();
        var agent = cluster.Client(tenant, TestTokens.Mint(tenant, "alice", ["agent"]));
        var supervisor = cluster.Client(tenant, TestTokens.Mint(tenant, "sam", ["supervisor"]));
        var body = new { type = "app", name = "Shop app", settings = new { secret = Secret } };

        var forbidden = (await agent.PostAsync("/api/v1/channels", body)).Expect(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/v1/channels")).Expect(HttpStatusCode.Forbidden);
        (await supervisor.PostAsync("/api/v1/channels", body)).Expect(HttpStatusCode.Created);

        Assert.Equal("Missing permission: channels:manage.", forbidden.String("detail"));
    });
}
