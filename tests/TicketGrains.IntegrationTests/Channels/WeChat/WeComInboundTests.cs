using System.Net;
using System.Text.Json.Nodes;
using TicketGrains.Tests.Channels.WeCom;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>
/// WeCom end to end: the encrypted callback over real HTTP makes the silo pull sync_msg from a local platform, and
/// the customer's messages become a ticket.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class WeComInboundTests(WeChatClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_kf_callback_pulls_the_customers_messages_into_a_ticket() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeComRequests.CorpId, WeComRequests.Secret);
        var customer = "wm" + Guid.NewGuid().ToString("N");
        platform.On("/cgi-bin/kf/sync_msg", _ => new JsonObject
        {
            ["errcode"] = 0, ["errmsg"] = "ok", ["next_cursor"] = "cursor-1", ["has_more"] = 0,
            ["msg_list"] = new JsonArray(new JsonObject
            {
                ["msgid"] = "from_msgid_" + customer, ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = customer,
                ["send_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["origin"] = 3, ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = "能帮我改一下收货地址吗" },
            }),
        });
        var settings = new Dictionary<string, string>(WeComRequests.Settings) { ["apiBaseUrl"] = platform.BaseUrl };
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "wecom", settings);

        var check = (await poster.SendAsync(channel, WeComRequests.UrlCheck("1616140317555161061", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var signal = (await poster.SendAsync(channel, WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        Assert.Equal(("1616140317555161061", "success"), (check.Text, signal.Text));
        var ticket = await poster.TicketOfAsync("wecom", customer);
        Assert.Equal("能帮我改一下收货地址吗", ticket.GetProperty("messages")[0].GetProperty("body").GetString());
        var pull = Assert.Single(platform.ReceivedAt("/cgi-bin/kf/sync_msg"));
        Assert.Equal((WeComRequests.PullToken, WeComRequests.OpenKfId), (pull.Body?["token"]?.ToString(), pull.Body?["open_kfid"]?.ToString()));
    });
}
