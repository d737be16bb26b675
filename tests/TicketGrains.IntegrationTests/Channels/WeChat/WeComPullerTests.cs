using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.WeChat;
using static TicketGrains.IntegrationTests.Channels.WeChat.WeComAccountFixture;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>The WeCom puller against a local platform over real HTTP: token, sync_msg paging, platform errors.</summary>
public sealed class WeComPullerTests() : PlatformTest(CorpId, Secret)
{
    private static readonly PullSignal Signal = new("ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", OpenKfId);

    private ChannelInfo Channel(string secret = Secret) => WeComAccountFixture.Channel(Platform.BaseUrl, secret);

    private static JsonObject Text(string msgid, string content, int origin = 3) => new()
    {
        ["msgid"] = msgid, ["open_kfid"] = OpenKfId, ["external_userid"] = Customer, ["send_time"] = 1796299200, ["origin"] = origin,
        ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = content },
    };

    private static JsonObject Page(string nextCursor, int hasMore, params JsonObject[] messages) => new()
    {
        ["errcode"] = 0, ["errmsg"] = "ok", ["next_cursor"] = nextCursor, ["has_more"] = hasMore, ["msg_list"] = new JsonArray(messages),
    };

    [Fact]
    public async Task Pages_are_pulled_with_cursor_token_and_account_until_has_more_is_false()
    {
        Platform.On("/cgi-bin/kf/sync_msg", request => request.Body?["cursor"]?.ToString() switch
        {
            null => Page("4gw7MepFLfgF2VC5npN", 1, Text("msg-1", "在吗"), Text("msg-2", "我的快递到哪了")),
            "4gw7MepFLfgF2VC5npN" => Page("4gw7MepFLfgF2VC5npO", 0, Text("msg-3", "您好，正在查询", origin: 5), Text("msg-4", "谢谢")),
            _ => FakeWeChatPlatform.Error(95000, "unexpected cursor"),
        });
        var puller = Services.Puller("wecom");
        var pulled = new List<string>();
        var cursors = new List<string?>();
        string? cursor = null;
        PulledPage page;
        do
        {
            page = await puller.PullAsync(Channel(), Signal, cursor, CancellationToken.None);
            pulled.AddRange(page.Messages.Select(m => $"{m.PlatformMessageId}:{m.SenderId}:{m.Text}"));
            cursor = page.NextCursor;
            cursors.Add(cursor);
        }
        while (page.HasMore);

        Assert.Equal([$"msg-1:{Customer}:在吗", $"msg-2:{Customer}:我的快递到哪了", $"msg-4:{Customer}:谢谢"], pulled);
        Assert.Equal(["4gw7MepFLfgF2VC5npN", "4gw7MepFLfgF2VC5npO"], cursors);
        var syncs = Platform.ReceivedAt("/cgi-bin/kf/sync_msg");
        Assert.Equal(
            [
                $$"""{"limit":1000,"open_kfid":"{{OpenKfId}}","token":"{{Signal.Token}}"}""",
                $$"""{"limit":1000,"open_kfid":"{{OpenKfId}}","cursor":"4gw7MepFLfgF2VC5npN","token":"{{Signal.Token}}"}""",
            ],
            syncs.Select(r => r.BodyJson));
        Assert.All(syncs, r => Assert.Equal(("POST", "ACCESS_TOKEN_1"), (r.Method, r.Query["access_token"])));
        var token = Assert.Single(Platform.ReceivedAt("/cgi-bin/gettoken"));
        Assert.Equal((CorpId, Secret), (token.Query["corpid"], token.Query["corpsecret"]));
    }

    [Fact]
    public async Task APlatform_error_is_thrown_with_its_errcode()
    {
        Platform.On("/cgi-bin/kf/sync_msg", _ => FakeWeChatPlatform.Error(95007, "invalid msg token"));

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => Services.Puller("wecom").PullAsync(Channel(), Signal, "c", CancellationToken.None));

        Assert.Equal((95007, "invalid msg token"), (error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public async Task An_expired_access_token_is_fetched_again_and_the_call_repeated_once()
    {
        Platform.On("/cgi-bin/kf/sync_msg", _ => Page("next", 0, Text("msg-9", "还在吗")));
        var puller = Services.Puller("wecom");
        await puller.PullAsync(Channel(), Signal, null, CancellationToken.None);
        Platform.ExpireToken();

        var page = await puller.PullAsync(Channel(), Signal, "next", CancellationToken.None);

        Assert.Equal("msg-9", Assert.Single(page.Messages).PlatformMessageId);
        Assert.Equal(2, Platform.ReceivedAt("/cgi-bin/gettoken").Count);
        // The platform moved on to token 2 behind the puller's back: the held token 1 is refused (42001), token 3 is fetched.
        Assert.Equal(["ACCESS_TOKEN_1", "ACCESS_TOKEN_1", "ACCESS_TOKEN_3"], Platform.ReceivedAt("/cgi-bin/kf/sync_msg").Select(r => r.Query["access_token"]));
    }

    [Fact]
    public async Task A_wrong_secret_is_thePlatform_error_of_the_token_call()
    {
        var error = await Assert.ThrowsAsync<WeChatApiException>(
            () => Services.Puller("wecom").PullAsync(Channel(secret: "wrong"), Signal, null, CancellationToken.None));

        Assert.Equal(40001, error.ErrorCode);
        Assert.Empty(Platform.ReceivedAt("/cgi-bin/kf/sync_msg"));
    }
}
