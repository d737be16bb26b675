using System.Net;
using System.Text.Json.Nodes;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.WeChat;
using TicketGrains.Tests.Channels.WeCom;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>
/// WeCom end to end: the encrypted callback over real HTTP makes the silo pull sync_msg from a local platform, and
/// the customer's messages become a ticket.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class WeComInboundTests(WeChatClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    internal static JsonObject Page(string customer, string msgid) => new()
    {
        ["errcode"] = 0, ["errmsg"] = "ok", ["next_cursor"] = "cursor-1", ["has_more"] = 0,
        ["msg_list"] = new JsonArray(new JsonObject
        {
            ["msgid"] = msgid, ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = customer,
            ["send_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["origin"] = 3, ["msgtype"] = "text",
            ["text"] = new JsonObject { ["content"] = "能帮我改一下收货地址吗" },
        }),
    };

    private async Task<(InboundPoster Poster, Guid Channel)> ChannelAsync(FakeWeChatPlatform platform) =>
        await InboundPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "wecom",
            new Dictionary<string, string>(WeComRequests.Settings) { ["apiBaseUrl"] = platform.BaseUrl });

    [Fact]
    public Task A_kf_callback_pulls_the_customers_messages_into_a_ticket() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeComRequests.CorpId, WeComRequests.Secret);
        var customer = "wm" + Guid.NewGuid().ToString("N");
        platform.On("/cgi-bin/kf/sync_msg", _ => Page(customer, "from_msgid_" + customer));
        var (poster, channel) = await ChannelAsync(platform);

        var check = (await poster.SendAsync(channel, WeComRequests.UrlCheck("1616140317555161061", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var signal = (await poster.SendAsync(channel, WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        Assert.Equal(("1616140317555161061", "success"), (check.Text, signal.Text));
        var ticket = await poster.TicketOfAsync("wecom", customer);
        Assert.Equal("能帮我改一下收货地址吗", ticket.GetProperty("messages")[0].GetProperty("body").GetString());
        var pull = Assert.Single(platform.ReceivedAt("/cgi-bin/kf/sync_msg"));
        Assert.Equal((WeComRequests.PullToken, WeComRequests.OpenKfId), (pull.Body?["token"]?.ToString(), pull.Body?["open_kfid"]?.ToString()));
    });

    [Fact]
    public Task A_callback_retried_three_times_pulls_the_same_message_three_times_and_stores_it_once() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeComRequests.CorpId, WeComRequests.Secret);
        var customer = "wm" + Guid.NewGuid().ToString("N");
        platform.On("/cgi-bin/kf/sync_msg", _ => Page(customer, "from_msgid_" + customer));
        var (poster, channel) = await ChannelAsync(platform);
        var callback = WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), DateTimeOffset.UtcNow);

        for (var i = 0; i < 3; i++)
        {
            (await poster.SendAsync(channel, callback)).Expect(HttpStatusCode.OK);
            await Poll.UntilAsync($"pull {i + 1}", Deadline, () => Task.FromResult(platform.ReceivedAt("/cgi-bin/kf/sync_msg").Count == i + 1));
        }

        await poster.TicketOfAsync("wecom", customer);
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    [Fact]
    public Task Forged_stale_and_foreign_callbacks_are_named_and_pull_nothing() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeComRequests.CorpId, WeComRequests.Secret);
        var (poster, channel) = await ChannelAsync(platform);
        var now = DateTimeOffset.UtcNow;

        var forged = (await poster.SendAsync(channel, WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), now).WithQuery("msg_signature", new string('0', 40))))
            .Expect(HttpStatusCode.Unauthorized);
        var stale = (await poster.SendAsync(channel, WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), now.AddMinutes(-10)))).Expect(HttpStatusCode.Forbidden);
        var foreign = (await poster.SendAsync(channel, WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), now, corpId: "ww0000000000000000")))
            .Expect(HttpStatusCode.Unauthorized);

        Assert.Equal(["msg_signature", "timestamp", "Encrypt"], new[] { forged, stale, foreign }.Select(p => string.Join(",", p.ErrorFields)));
        Assert.Empty(platform.Received);
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });
}
