using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>
/// The cluster shape of production: pure silos (no API) behind a stand-alone front end. The front end takes the push
/// and the reply; a pure silo's pipeline queues it and its dispatcher sends it.
/// </summary>
public sealed class PureSiloReplyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ProcessGroup _processes = new();
    private TestDatabase? _database;

    [Fact]
    public Task A_reply_taken_by_a_front_end_is_sent_by_a_pure_silo() => _processes.DiagnoseAsync(output, async () =>
    {
        await using var platform = await WeChatReplyTests.WeChatPlatformAsync(_ => PlatformReply.Json("""{"errcode":0,"errmsg":"ok"}"""));
        var (_, front) = await TwoSiloCluster.StartAsync(_processes, _database!, NodeLauncher.NewClusterId(), ReplyClusterFixture.ReplySettings);
        using var http = new HttpClient { BaseAddress = front.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var agent = new ApiClient(http, TicketRequests.NewTenant());
        var inbound = await RawInbound.CreateAsync(http, agent, "wechat",
            new Dictionary<string, string>(WeChatRequests.PlainSettings) { ["apiBaseUrl"] = platform.BaseUrl });
        (await inbound.SendAsync(WeChatRequests.Plain(WeChatPushes.Text, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var ticket = (await inbound.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();

        await AgentReplies.ReplyAsync(agent, ticket, "已安排补发");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 1, (string?)null), AgentReplies.Summary(delivery));
        Assert.Single(platform.Requests, r => r.Path == WeChatReplyTests.WeChatSend);
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
