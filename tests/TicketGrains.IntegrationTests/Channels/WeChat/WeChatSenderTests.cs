using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>The WeChat sender against a local platform over real HTTP: the request it makes, and what each errcode means.</summary>
public sealed class WeChatSenderTests() : PlatformTest(AppId, AppSecret)
{
    private const string AppId = "wx5c2e1f0d9a7b3c41";
    private const string AppSecret = "5f0b1c9e8d7a6b5c4d3e2f1a0b9c8d7e";
    private const string Follower = "oQ7mT0fA2xVkR9sLpE4wYdN6bC1u";
    private static readonly OutboundMessage Reply = new(
        Guid.Parse("0190f0a4-7b1e-7c3d-9a55-000000000042"), Guid.NewGuid(), Follower, "您的包裹已在派送中，预计今天送达。", null, "24710836129461230");

    private ChannelInfo Channel => WeChatServices.Channel("wechat", new()
    {
        ["token"] = "t", ["appId"] = AppId, ["appSecret"] = AppSecret, ["apiBaseUrl"] = Platform.BaseUrl,
    });

    private Task<SendOutcome> Send() => Services.Sender("wechat").SendAsync(Channel, Reply, CancellationToken.None);

    [Fact]
    public async Task A_reply_is_a_customer_service_text_message_with_the_account_token()
    {
        Platform.On("/cgi-bin/message/custom/send", _ => FakeWeChatPlatform.Error(0, "ok"));

        Assert.Equal(SendOutcome.Delivered(null), await Send());
        Assert.Equal(SendOutcome.Delivered(null), await Send());

        var sends = Platform.ReceivedAt("/cgi-bin/message/custom/send");
        Assert.Equal(2, sends.Count);
        var expected = new JsonObject
        {
            ["touser"] = Follower, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = "您的包裹已在派送中，预计今天送达。" },
        }.ToJsonString();
        Assert.All(sends, s => Assert.Equal(expected, s.BodyJson));
        Assert.All(sends, s => Assert.Equal("ACCESS_TOKEN_1", s.Query["access_token"]));
        var token = Assert.Single(Platform.ReceivedAt("/cgi-bin/token"));
        Assert.Equal(("client_credential", AppId, AppSecret), (token.Query["grant_type"], token.Query["appid"], token.Query["secret"]));
    }

    [Theory]
    [InlineData(45015, "response out of time limit or subscription is canceled", false)]
    [InlineData(45047, "out of response count limit", false)]
    [InlineData(40003, "invalid openid", false)]
    [InlineData(-1, "system error", true)]
    [InlineData(45009, "reach max api daily quota limit", true)]
    public async Task An_errcode_is_a_failure_retried_only_when_a_retry_can_succeed(int code, string message, bool retryable)
    {
        Platform.On("/cgi-bin/message/custom/send", _ => FakeWeChatPlatform.Error(code, message));

        Assert.Equal(SendOutcome.Failed($"errcode {code}: {message}", retryable), await Send());
    }

    [Fact]
    public async Task APlatform_that_refuses_the_connection_is_a_retryable_failure()
    {
        var channel = WeChatServices.Channel("wechat", new()
        {
            ["token"] = "t", ["appId"] = AppId, ["appSecret"] = AppSecret, ["apiBaseUrl"] = $"http://127.0.0.1:{FreePorts.Next()}",
        });

        var outcome = await Services.Sender("wechat").SendAsync(channel, Reply, CancellationToken.None);

        Assert.Equal((false, true), (outcome.Sent, outcome.Retryable));
    }

    [Fact]
    public async Task A_platform_address_on_a_private_network_is_refused_unless_allowed()
    {
        using var guarded = new WeChatServices(allowPrivateNetworks: false);

        var outcome = await guarded.Sender("wechat").SendAsync(Channel, Reply, CancellationToken.None);

        Assert.Equal((false, false), (outcome.Sent, outcome.Retryable));
        Assert.Contains("not a public address", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Empty(Platform.Received);
    }
}
