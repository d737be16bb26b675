using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using TicketGrains.IntegrationTests.Channels.Web;
using TicketGrains.IntegrationTests.Channels.WeChat;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels;
using TicketGrains.Tests.Channels.App;
using TicketGrains.Tests.Channels.Web;
using TicketGrains.Tests.Channels.WeCom;

namespace TicketGrains.IntegrationTests.Channels.Outbound;

/// <summary>
/// From a platform's raw push (WeCom's callback and pull, Douyin, Weibo, the shop's app) to the ticket, an agent's reply
/// through the API, and that platform's send API (a local server the test starts) receiving it: token, recipient,
/// text and thread checked, the delivery read through the API.
/// </summary>
[Collection(ReplyCollection.Name)]
public sealed class ChannelReplyTests(ReplyClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_reply_to_a_wecom_customer_is_sent_from_the_channels_account_with_the_reply_id() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeComRequests.CorpId, WeComRequests.Secret);
        var customer = "wm" + Guid.NewGuid().ToString("N");
        platform.On("/cgi-bin/kf/sync_msg", _ => WeComInboundTests.Page(customer, "from_msgid_" + customer));
        platform.On("/cgi-bin/kf/send_msg", _ => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["msgid"] = "kf-sent-1" });
        var agent = cluster.FreshTenant();
        var inbound = await RawInbound.CreateAsync(cluster.Http, agent, "wecom",
            new Dictionary<string, string>(WeComRequests.Settings) { ["apiBaseUrl"] = platform.BaseUrl });
        (await inbound.SendAsync(WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), DateTimeOffset.UtcNow))).Expect(System.Net.HttpStatusCode.OK);
        var ticket = (await inbound.TicketOfAsync("wecom", customer)).GetProperty("id").GetGuid();

        var queued = await AgentReplies.ReplyAsync(agent, ticket, "地址已改好");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 1, (string?)null, "kf-sent-1"), AgentReplies.Summary(delivery) is var (state, attempts, reason)
            ? (state, attempts, reason, delivery.GetProperty("platformMessageId").GetString()) : default);
        var send = Assert.Single(platform.ReceivedAt("/cgi-bin/kf/send_msg"));
        Assert.Equal((platform.CurrentToken, customer, WeComRequests.OpenKfId, queued.GetProperty("messageId").GetGuid().ToString("N"), "地址已改好"),
            (send.Query["access_token"], send.Body?["touser"]?.ToString(), send.Body?["open_kfid"]?.ToString(), send.Body?["msgid"]?.ToString(),
                send.Body?["text"]?["content"]?.ToString()));
    });

    [Fact]
    public Task A_reply_to_a_douyin_customer_goes_to_the_conversation_with_a_client_token() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await PlatformApiServer.StartAsync(request => PlatformReply.Json(request.Path == "/oauth/client_token/"
            ? """{"data":{"access_token":"clt.reply-1","description":"","error_code":0,"expires_in":7200},"message":"success"}"""
            : """{"err_no":0,"err_msg":"","log_id":"log-1","data":{"msg_id":"@sent-9"}}"""));
        var agent = cluster.FreshTenant();
        var sender = DouyinInboundTests.NewSender();
        var inbound = await RawInbound.CreateAsync(cluster.Http, agent, "douyin",
            new { clientKey = "awdouyinshop", clientSecret = DouyinInboundTests.Secret, apiBaseUrl = platform.BaseUrl, openId = "_000shopB" });
        (await inbound.SendAsync(DouyinInboundTests.Push("im_receive_msg_text.request", sender, "reply"))).Expect(System.Net.HttpStatusCode.OK);
        var ticket = (await inbound.TicketOfAsync("douyin", sender)).GetProperty("id").GetGuid();

        await AgentReplies.ReplyAsync(agent, ticket, "今天发货");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 1, (string?)null, "@sent-9"), AgentReplies.Summary(delivery) is var (state, attempts, reason)
            ? (state, attempts, reason, delivery.GetProperty("platformMessageId").GetString()) : default);
        var send = Assert.Single(platform.Requests, r => r.Path == "/im/send/msg/");
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal(("clt.reply-1", "_000shopB", sender, "@conv-1001", "reply-msg-text-1", "今天发货"),
            (send.Headers["access-token"], send.Query["open_id"], body.RootElement.GetProperty("to_user_id").GetString(),
                body.RootElement.GetProperty("conversation_id").GetString(), body.RootElement.GetProperty("msg_id").GetString(),
                body.RootElement.GetProperty("content").GetProperty("text").GetProperty("text").GetString()));
    });

    [Fact]
    public Task A_reply_to_a_weibo_fan_is_posted_with_the_channels_access_token() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await PlatformApiServer.StartAsync(_ => PlatformReply.Json("""{"id":4912345678909999,"idstr":"4912345678909999"}"""));
        var agent = cluster.FreshTenant();
        var sender = WeiboInboundTests.NewSender();
        var inbound = await RawInbound.CreateAsync(cluster.Http, agent, "weibo",
            new { appSecret = WeiboInboundTests.Secret, apiBaseUrl = platform.BaseUrl, accessToken = "2.00weibo-token" });
        (await inbound.SendAsync(WeiboInboundTests.Push("text.request", sender))).Expect(System.Net.HttpStatusCode.OK);
        var ticket = (await inbound.TicketOfAsync("weibo", sender)).GetProperty("id").GetGuid();

        await AgentReplies.ReplyAsync(agent, ticket, "明天到");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("sent", 1, (string?)null), AgentReplies.Summary(delivery));
        var send = Assert.Single(platform.Requests);
        var form = QueryHelpers.ParseQuery(send.Body);
        using var data = JsonDocument.Parse(form["data"].ToString());
        Assert.Equal(("/2/messages/reply.json", "2.00weibo-token", sender, "明天到"),
            (send.Path, send.Query["access_token"], form["receiver_id"].ToString(), data.RootElement.GetProperty("text").GetString()));
    });

    [Fact]
    public Task A_reply_to_a_web_visitor_is_kept_for_their_widget_by_the_web_sender() => cluster.RunAsync(output, async () =>
    {
        var web = await WebVisitorClient.CreateAsync(cluster.Http, cluster.FreshTenant());
        var (visitor, token) = await web.VisitorAsync();
        (await web.PostAsync(WebRequests.Chat("chat-00000001", "快递到哪了"), token)).Expect(System.Net.HttpStatusCode.OK);
        var ticket = (await InboundTickets.OfAsync(web.Admin, visitor, "web")).GetProperty("id").GetGuid();

        var queued = await AgentReplies.ReplyAsync(web.Admin, ticket, "明天送到");
        var delivery = await AgentReplies.SettledAsync(web.Admin, ticket);

        Assert.Equal(("sent", 1, (string?)null), AgentReplies.Summary(delivery));
        var seen = (await web.RepliesAsync(token)).Expect(System.Net.HttpStatusCode.OK).Json.GetProperty("replies");
        Assert.Equal([(queued.GetProperty("messageId").GetGuid(), "明天送到")],
            seen.EnumerateArray().Select(r => (r.GetProperty("messageId").GetGuid(), r.GetProperty("text").GetString())));
    });

    [Fact]
    public Task A_reply_on_a_channel_type_without_a_sender_fails_naming_the_type() => cluster.RunAsync(output, async () =>
    {
        var agent = cluster.FreshTenant();
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, agent);
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        (await poster.PostAsync(channel, AppRequests.Text("m-1", user, "我的订单呢", DateTimeOffset.UtcNow))).Expect(System.Net.HttpStatusCode.OK);
        var ticket = (await InboundTickets.OfAsync(agent, user, "app")).GetProperty("id").GetGuid();

        await AgentReplies.ReplyAsync(agent, ticket, "在路上");
        var delivery = await AgentReplies.SettledAsync(agent, ticket);

        Assert.Equal(("failed", 1, "no sender for type app"), AgentReplies.Summary(delivery));
    });

    [Fact]
    public Task Internal_notes_and_replies_on_tickets_opened_through_the_api_carry_no_delivery() => cluster.RunAsync(output, async () =>
    {
        var agent = cluster.FreshTenant();
        var ticket = (await agent.PostAsync(TicketRequests.Tickets, TicketRequests.Create("Where is it?"))).Expect(System.Net.HttpStatusCode.Created).Id;

        var answer = (await agent.PostAsync($"{TicketRequests.Ticket(ticket)}/messages", new { author = "alice", body = "on its way", @internal = false }))
            .Expect(System.Net.HttpStatusCode.OK).Json;

        Assert.All(answer.GetProperty("messages").EnumerateArray(),
            m => Assert.True(!m.TryGetProperty("delivery", out var d) || d.ValueKind == JsonValueKind.Null));
    });
}
