using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using TicketGrains.Api.Channels.Outbound;
using Xunit;

namespace TicketGrains.Tests.Channels.Weibo;

/// <summary>The Weibo sender against a real HTTP server playing the fan-service reply API.</summary>
public sealed class WeiboSenderTests : IDisposable
{
    private readonly ChannelSenders _senders = new();

    private Task<SendOutcome> Send(PlatformApiServer server, string text = "您的快递明天到", string? accessToken = "2.00weibo-token") =>
        _senders.For("weibo").SendAsync(ChannelSenders.Channel("weibo", new Dictionary<string, string>
        {
            ["appSecret"] = "weibo-app-secret",
            ["apiBaseUrl"] = server.BaseUrl,
            ["accessToken"] = accessToken ?? "",
        }), ChannelSenders.Reply("2489518277", text), CancellationToken.None);

    [Fact]
    public async Task A_reply_posts_the_text_form_with_the_access_token()
    {
        await using var server = await PlatformApiServer.StartAsync(_ => PlatformReply.Json("""{"id":4912345678909999,"idstr":"4912345678909999","text":"您的快递明天到"}"""));

        var outcome = await Send(server);

        Assert.Equal(SendOutcome.Delivered("4912345678909999"), outcome);
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/2/messages/reply.json", "2.00weibo-token"), (request.Method, request.Path, request.Query["access_token"]));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(("2489518277", "text"), (form["receiver_id"].ToString(), form["type"].ToString()));
        using var data = JsonDocument.Parse(form["data"].ToString());
        Assert.Equal("您的快递明天到", data.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_expired_token_fails_without_retry()
    {
        await using var server = await PlatformApiServer.StartAsync(_ => new PlatformReply(400, """{"error":"expired_token","error_code":21327,"request":"/2/messages/reply.json"}"""));

        Assert.Equal(SendOutcome.Failed("Weibo reply failed: error 21327 (expired_token)", false), await Send(server));
    }

    [Fact]
    public async Task A_rate_limit_fails_retryably()
    {
        await using var server = await PlatformApiServer.StartAsync(_ => new PlatformReply(403, """{"error":"User requests out of rate limit!","error_code":10023,"request":"/2/messages/reply.json"}"""));

        Assert.Equal(SendOutcome.Failed("Weibo reply failed: error 10023 (User requests out of rate limit!)", true), await Send(server));
    }

    [Fact]
    public async Task Without_an_access_token_or_with_too_long_a_text_nothing_is_sent()
    {
        await using var server = await PlatformApiServer.StartAsync(_ => PlatformReply.Json("{}"));

        Assert.Equal(SendOutcome.Failed("The Weibo channel lacks apiBaseUrl or accessToken", false), await Send(server, accessToken: null));
        Assert.False((await Send(server, new string('字', 301))).Retryable);
        Assert.Empty(server.Requests);
    }

    public void Dispose() => _senders.Dispose();
}
