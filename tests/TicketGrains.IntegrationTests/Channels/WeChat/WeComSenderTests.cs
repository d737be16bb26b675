using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Outbound;
using static TicketGrains.IntegrationTests.Channels.WeChat.WeComAccountFixture;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>The WeCom sender against a local platform over real HTTP.</summary>
public sealed class WeComSenderTests() : PlatformTest(CorpId, Secret)
{
    private static readonly OutboundMessage Reply = new(Guid.Parse("0190f0a4-7b1e-7c3d-9a55-000000000043"), Guid.NewGuid(), Customer, "已为您改好地址", null, "msg-4");

    private Task<SendOutcome> Send() => Services.Sender("wecom").SendAsync(WeComAccountFixture.Channel(Platform.BaseUrl), Reply, CancellationToken.None);

    [Fact]
    public async Task A_reply_goes_to_send_msg_from_the_channels_account_under_the_replys_id()
    {
        Platform.On("/cgi-bin/kf/send_msg", request => new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok", ["msgid"] = request.Body?["msgid"]?.ToString() });

        var outcome = await Send();

        Assert.Equal(SendOutcome.Delivered("0190f0a47b1e7c3d9a55000000000043"), outcome);
        var sent = Assert.Single(Platform.ReceivedAt("/cgi-bin/kf/send_msg"));
        Assert.Equal("ACCESS_TOKEN_1", sent.Query["access_token"]);
        Assert.Equal(
            new JsonObject
            {
                ["touser"] = Customer, ["open_kfid"] = OpenKfId, ["msgid"] = "0190f0a47b1e7c3d9a55000000000043", ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = "已为您改好地址" },
            }.ToJsonString(),
            sent.BodyJson);
        Assert.Equal((CorpId, Secret), (Platform.ReceivedAt("/cgi-bin/gettoken").Single().Query["corpid"], Platform.ReceivedAt("/cgi-bin/gettoken").Single().Query["corpsecret"]));
    }

    [Theory]
    [InlineData(95001, "send msg count limit", false)]
    [InlineData(95018, "send msg session status invalid", false)]
    [InlineData(-1, "system busy", true)]
    public async Task An_errcode_is_a_failure_retried_only_when_a_retry_can_succeed(int code, string message, bool retryable)
    {
        Platform.On("/cgi-bin/kf/send_msg", _ => FakeWeChatPlatform.Error(code, message));

        Assert.Equal(SendOutcome.Failed($"errcode {code}: {message}", retryable), await Send());
    }
}
