using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.IntegrationTests.Webhooks;
using TicketGrains.Tests.Channels;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>A reply's final outcome reaches the tenant's webhooks subscribed to <c>message.delivery</c>, once per reply.</summary>
[Collection(ReplyCollection.Name)]
public sealed class ReplyWebhookTests(ReplyClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task A_sent_and_a_failed_reply_each_reach_the_webhook_once_with_their_outcome() => cluster.RunAsync(output, async () =>
    {
        using var receiver = new WebhookReceiver();
        await using var platform = await WeChatReplyTests.WeChatPlatformAsync(n => PlatformReply.Json(n == 1
            ? """{"errcode":0,"errmsg":"ok"}""" : """{"errcode":45015,"errmsg":"response out of time limit"}"""));
        var agent = cluster.FreshTenant();
        var (_, secret) = await WebhookDeliveryTests.RegisterAsync(agent, receiver.Url, "message.delivery");
        var inbound = await RawInbound.CreateAsync(cluster.Http, agent, "wechat",
            new Dictionary<string, string>(WeChatRequests.PlainSettings) { ["apiBaseUrl"] = platform.BaseUrl });
        (await inbound.SendAsync(WeChatRequests.Plain(WeChatPushes.Text, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var ticket = (await inbound.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();

        var sent = (await AgentReplies.ReplyAsync(agent, ticket, "已发货")).GetProperty("messageId").GetGuid();
        var failed = (await AgentReplies.ReplyAsync(agent, ticket, "抱歉")).GetProperty("messageId").GetGuid();

        await Poll.UntilAsync("two outcomes at the webhook", Deadline, () => Task.FromResult(receiver.Received.Count(r => r.Accepted) >= 2));
        var outcomes = receiver.Received.Where(r => r.Accepted).Select(r => r.Json.GetProperty("data")).ToList();
        Assert.Equal([(sent, "sent", (string?)null), (failed, "failed", "errcode 45015: response out of time limit")],
            outcomes.Select(d => d.GetProperty("details")).Select(d => (d.GetProperty("messageId").GetGuid(), d.GetProperty("state").GetString(),
                d.TryGetProperty("reason", out var reason) ? reason.GetString() : null)));
        Assert.All(receiver.Received, r => Assert.Equal(("message.delivery", ticket), (r.Type, r.TicketId)));
        Assert.All(receiver.Received, r => Assert.True(r.SignedWith(secret)));
        Assert.Equal(2, receiver.Received.Count);
    });
}
