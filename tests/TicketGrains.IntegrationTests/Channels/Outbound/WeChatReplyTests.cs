using System.Text.Json;
using System.Text.Json.Nodes;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>
/// From a WeChat follower's raw push to the ticket, an agent's reply through the API, and WeChat's customer-service
/// send API (a local server the test starts) receiving it, answering, failing and refusing; the delivery read through the API.
/// </summary>
[Collection(ReplyCollection.Name)]
public sealed class WeChatReplyTests(ReplyClusterFixture cluster, ITestOutputHelper output)
{
    internal const string WeChatSend = "/cgi-bin/message/custom/send";
    private const string WeChatToken = """{"access_token":"TOKEN-1","expires_in":7200}""";

    /// <summary>WeChat's API: tokens for the fixture account, and each send answered by <paramref name="send"/> (given its number, from 1).</summary>
    internal static Task<PlatformApiServer> WeChatPlatformAsync(Func<int, PlatformReply> send)
    {
        var sends = 0;
        return PlatformApiServer.StartAsync(request => request.Path switch
        {
            "/cgi-bin/token" when request.Query.GetValueOrDefault("appid") == WeChatRequests.AppId => PlatformReply.Json(WeChatToken),
            WeChatSend when request.Query.GetValueOrDefault("access_token") == "TOKEN-1" => send(Interlocked.Increment(ref sends)),
            _ => new PlatformReply(404, """{"errcode":404,"errmsg":"unknown"}"""),
        });
    }

    /// <summary>A WeChat channel at the platform, a follower's text push turned into a ticket: its id.</summary>
    private async Task<(ApiClient Agent, Guid Ticket)> WeChatTicketAsync(PlatformApiServer platform)
    {
        var agent = cluster.FreshTenant();
        var inbound = await RawInbound.CreateAsync(cluster.Http, agent, "wechat",
            new Dictionary<string, string>(WeChatRequests.PlainSettings) { ["apiBaseUrl"] = platform.BaseUrl });
        (await inbound.SendAsync(WeChatRequests.Plain(WeChatPushes.Text, DateTimeOffset.UtcNow))).Expect(System.Net.HttpStatusCode.OK);
        return (agent, (await inbound.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid());
    }

    [Fact]
    public Task A_reply_to_a_wechat_follower_is_sent_as_a_customer_service_message() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await WeChatPlatformAsync(_ => PlatformReply.Json("""{"errcode":0,"errmsg":"ok"}"""));
        var (agent, ticket) = await WeChatTicketAsync(platform);

        await AgentReplies.ReplyAsync(agent, ticket, "已为您催促快递,明天送达");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 1, (string?)null), AgentReplies.Summary(delivery));
        Assert.True(delivery.GetProperty("sentAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        var send = Assert.Single(platform.Requests, r => r.Path == WeChatSend);
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal((WeChatPushes.Follower, "text", "已为您催促快递,明天送达"), (body.RootElement.GetProperty("touser").GetString(),
            body.RootElement.GetProperty("msgtype").GetString(), body.RootElement.GetProperty("text").GetProperty("content").GetString()));
    });

    [Fact]
    public Task A_platform_answering_500_twice_then_200_gets_the_reply_on_the_third_attempt() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await WeChatPlatformAsync(n => n <= 2 ? new PlatformReply(500, "busy") : PlatformReply.Json("""{"errcode":0,"errmsg":"ok"}"""));
        var (agent, ticket) = await WeChatTicketAsync(platform);

        await AgentReplies.ReplyAsync(agent, ticket, "退款已处理");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 3, (string?)null), AgentReplies.Summary(delivery));
        Assert.Equal(3, platform.Requests.Count(r => r.Path == WeChatSend));
    });

    [Fact]
    public Task A_later_reply_waits_behind_an_earlier_one_being_retried_so_the_follower_gets_them_in_order() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await WeChatPlatformAsync(n => n == 1 ? new PlatformReply(500, "busy") : PlatformReply.Json("""{"errcode":0,"errmsg":"ok"}"""));
        var (agent, ticket) = await WeChatTicketAsync(platform);

        await AgentReplies.ReplyAsync(agent, ticket, "第一条");
        await AgentReplies.ReplyAsync(agent, ticket, "第二条");
        await AgentReplies.SettledAsync(agent, ticket);

        var read = (await agent.GetAsync(TicketRequests.Ticket(ticket))).Expect(System.Net.HttpStatusCode.OK).Json;
        Assert.Equal([("sent", 2, (string?)null), ("sent", 1, (string?)null)],
            read.GetProperty("messages").EnumerateArray().Skip(1).Select(m => AgentReplies.Summary(m.GetProperty("delivery"))));
        Assert.Equal(["第一条", "第一条", "第二条"], platform.Requests.Where(r => r.Path == WeChatSend)
            .Select(r => JsonNode.Parse(r.Body)?["text"]?["content"]?.GetValue<string>()));
    });

    [Fact]
    public Task A_permanent_platform_error_fails_the_reply_with_the_platforms_reason_and_no_retry() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await WeChatPlatformAsync(_ => PlatformReply.Json("""{"errcode":45015,"errmsg":"response out of time limit"}"""));
        var (agent, ticket) = await WeChatTicketAsync(platform);

        await AgentReplies.ReplyAsync(agent, ticket, "抱歉久等");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("failed", 1, "errcode 45015: response out of time limit"), AgentReplies.Summary(delivery));
        Assert.Single(platform.Requests, r => r.Path == WeChatSend);
    });
}
