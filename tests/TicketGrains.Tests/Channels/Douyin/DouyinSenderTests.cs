using System.Text.Json;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Outbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Douyin;

/// <summary>The Douyin sender against a real HTTP server playing Douyin's token and private-message APIs.</summary>
public sealed class DouyinSenderTests : IDisposable
{
    private const string TokenOk = """{"data":{"access_token":"clt.token-1","description":"","error_code":0,"expires_in":7200},"message":"success"}""";
    private const string SentOk = """{"err_no":0,"err_msg":"","log_id":"log-1","data":{"msg_id":"@sent-1"}}""";

    private readonly ChannelSenders _senders = new();

    private static Dictionary<string, string> Settings(PlatformApiServer server) => new()
    {
        ["clientKey"] = "awdouyinshop",
        ["clientSecret"] = "douyin-secret",
        ["apiBaseUrl"] = server.BaseUrl,
        ["openId"] = "_000shopB",
    };

    private static Func<RecordedRequest, PlatformReply> Answering(string send, string token = TokenOk) =>
        request => PlatformReply.Json(request.Path == "/oauth/client_token/" ? token : send);

    private Task<SendOutcome> Send(PlatformApiServer server, Dictionary<string, string>? settings = null) =>
        _senders.For("douyin").SendAsync(ChannelSenders.Channel("douyin", settings ?? Settings(server)),
            ChannelSenders.Reply("_000customerA", "您的订单已发货", "msg-text-1"), CancellationToken.None);

    [Fact]
    public async Task A_reply_fetches_a_client_token_then_posts_the_text_with_it()
    {
        await using var server = await PlatformApiServer.StartAsync(Answering(SentOk));

        var outcome = await Send(server);

        Assert.Equal(SendOutcome.Delivered("@sent-1"), outcome);
        Assert.Equal(2, server.Requests.Count);
        var token = server.Requests[0];
        Assert.Equal(("POST", "/oauth/client_token/"), (token.Method, token.Path));
        Assert.StartsWith("application/json", token.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("""{"grant_type":"client_credential","client_key":"awdouyinshop","client_secret":"douyin-secret"}""", token.Body);
        var send = server.Requests[1];
        Assert.Equal(("POST", "/im/send/msg/", "_000shopB", "clt.token-1"), (send.Method, send.Path, send.Query["open_id"], send.Headers["access-token"]));
        using var body = JsonDocument.Parse(send.Body);
        Assert.Equal("_000customerA", body.RootElement.GetProperty("to_user_id").GetString());
        Assert.Equal("msg-text-1", body.RootElement.GetProperty("msg_id").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("content").GetProperty("msg_type").GetInt32());
        Assert.Equal("您的订单已发货", body.RootElement.GetProperty("content").GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_token_is_reused_until_shortly_before_it_expires()
    {
        await using var server = await PlatformApiServer.StartAsync(Answering(SentOk));

        await Send(server);
        _senders.Time.Advance(TimeSpan.FromSeconds(7200) - DouyinTokenCache.RenewBefore - TimeSpan.FromSeconds(1));
        await Send(server);
        _senders.Time.Advance(TimeSpan.FromSeconds(1));
        await Send(server);

        Assert.Equal(["/oauth/client_token/", "/im/send/msg/", "/im/send/msg/", "/oauth/client_token/", "/im/send/msg/"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task An_expired_token_fails_retryably_and_the_next_attempt_fetches_a_new_one()
    {
        await using var server = await PlatformApiServer.StartAsync(Answering("""{"err_no":28001008,"err_msg":"access_token过期","log_id":"log-2"}"""));

        var outcome = await Send(server);
        await Send(server);

        Assert.Equal(SendOutcome.Failed("Douyin send failed: error 28001008 (access_token过期)", true), outcome);
        Assert.Equal(2, server.Requests.Count(r => r.Path == "/oauth/client_token/"));
    }

    [Fact]
    public async Task A_refused_request_fails_without_retry()
    {
        await using var server = await PlatformApiServer.StartAsync(Answering("""{"err_no":11009,"err_msg":"参数不合法或缺少参数","log_id":"log-3"}"""));

        Assert.Equal(SendOutcome.Failed("Douyin send failed: error 11009 (参数不合法或缺少参数)", false), await Send(server));
    }

    [Fact]
    public async Task A_wrong_client_secret_fails_at_the_token_without_sending()
    {
        await using var server = await PlatformApiServer.StartAsync(Answering(SentOk,
            """{"data":{"description":"client_key 或者 client_secret 报错","error_code":10013},"message":"error"}"""));

        Assert.Equal(SendOutcome.Failed("Douyin client_token failed: error 10013 (client_key 或者 client_secret 报错)", false), await Send(server));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_server_error_without_a_json_body_is_retried()
    {
        await using var server = await PlatformApiServer.StartAsync(_ => new PlatformReply(503, "upstream down", "text/plain"));

        Assert.Equal(SendOutcome.Failed("Douyin answered HTTP 503", true), await Send(server));
    }

    [Fact]
    public async Task The_send_path_can_be_set_per_channel()
    {
        await using var server = await PlatformApiServer.StartAsync(Answering(SentOk));
        var settings = new Dictionary<string, string>(Settings(server)) { ["sendPath"] = "/enterprise/im/message/send/" };

        Assert.True((await Send(server, settings)).Sent);
        Assert.Equal("/enterprise/im/message/send/", server.Requests[^1].Path);
    }

    public void Dispose() => _senders.Dispose();
}
