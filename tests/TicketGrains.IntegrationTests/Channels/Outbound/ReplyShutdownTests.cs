using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>A silo stopped gracefully while the platform still holds its send hands the reply back at once, not after its lease.</summary>
public sealed class ReplyShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    [Fact]
    public Task A_reply_in_flight_when_its_silo_stops_is_released_unattempted() => _processes.DiagnoseAsync(output, async () =>
    {
        using var hold = new ManualResetEventSlim();
        var tenant = TicketRequests.NewTenant();
        await using var platform = await PlatformApiServer.StartAsync(request =>
        {
            if (request.Path == "/cgi-bin/token")
            {
                return PlatformReply.Json("""{"access_token":"TOKEN-1","expires_in":7200}""");
            }

            hold.Wait(Deadline);
            return PlatformReply.Json("""{"errcode":0,"errmsg":"ok"}""");
        });
        var silo = _processes.Add(NodeLauncher.StartSilo("silo", _database!, NodeLauncher.NewClusterId(), hostApi: true, ReplyClusterFixture.ReplySettings));
        await Readiness.WaitForApiAsync(silo, Readiness.Deadline);
        using (var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = Deadline })
        {
            var agent = new ApiClient(http, tenant);
            var inbound = await RawInbound.CreateAsync(http, agent, "wechat",
                new Dictionary<string, string>(WeChatRequests.PlainSettings) { ["apiBaseUrl"] = platform.BaseUrl });
            (await inbound.SendAsync(WeChatRequests.Plain(WeChatPushes.Text, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
            var ticket = (await inbound.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
            await AgentReplies.ReplyAsync(agent, ticket, "马上处理");
        }

        await Poll.UntilAsync("the send held at the platform", Deadline, () => Task.FromResult(platform.Requests.Any(r => r.Path != "/cgi-bin/token")));
        await silo.Process.StopAsync(TimeSpan.FromSeconds(30));
        hold.Set();

        Assert.Equal(["queued:0:free"], await _database!.ColumnAsync<string>(
            "SELECT state || ':' || attempts || ':' || CASE WHEN lease_id IS NULL THEN 'free' ELSE 'leased' END FROM tg_outbound_messages WHERE tenant_id = $1", tenant));
    });

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _processes.Dispose();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
