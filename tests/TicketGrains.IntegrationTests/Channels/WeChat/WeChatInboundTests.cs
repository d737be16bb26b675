using System.Net;
using System.Text;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>
/// WeChat's raw requests (the unit tests' fixtures, signed now) over real HTTP to the ticket they become: the URL
/// check, a plaintext and a safe-mode push, a retry storm stored once, and refusals that store nothing.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class WeChatInboundTests(WeChatClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task The_url_check_is_answered_and_a_text_push_becomes_a_ticket_of_the_follower() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "wechat", Offline(WeChatRequests.PlainSettings));

        var check = (await poster.SendAsync(channel, WeChatRequests.UrlCheck("8214379650", DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var push = (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Text, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        Assert.Equal(("8214379650", "success"), (check.Text, push.Text));
        var ticket = await poster.TicketOfAsync("wechat", WeChatPushes.Follower);
        Assert.Equal(("wechat", "订单 20261111-42 三天没有物流更新 <急>"),
            (ticket.GetProperty("channel").GetString(), ticket.GetProperty("messages")[0].GetProperty("body").GetString()));
    });

    [Fact]
    public Task A_safe_mode_push_retried_three_times_is_decrypted_and_stored_once() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "wechat", Offline(WeChatRequests.SafeModeSettings));
        var push = WeChatRequests.Encrypted(WeChatPushes.Voice, DateTimeOffset.UtcNow);

        // WeChat's retries: two that overlap, then a late one after both were answered.
        var answers = await Task.WhenAll(poster.SendAsync(channel, push), poster.SendAsync(channel, push));
        Assert.All(answers, a => Assert.Equal("success", a.Expect(HttpStatusCode.OK).Text));
        (await poster.SendAsync(channel, push)).Expect(HttpStatusCode.OK);

        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, channel));
        var ticket = await poster.TicketOfAsync("wechat", WeChatPushes.Follower);
        Assert.Equal("我要退货", ticket.GetProperty("messages")[0].GetProperty("body").GetString());
    });

    [Fact]
    public Task Bad_signature_stale_timestamp_malformed_and_oversized_pushes_are_named_and_store_nothing() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "wechat", Offline(WeChatRequests.SafeModeSettings));
        var now = DateTimeOffset.UtcNow;

        var forged = (await poster.SendAsync(channel, WeChatRequests.Encrypted(WeChatPushes.Text, now, token: "guessed"))).Expect(HttpStatusCode.Unauthorized);
        var otherApp = (await poster.SendAsync(channel, WeChatRequests.Encrypted(WeChatPushes.Text, now, appId: "wx0000000000000000"))).Expect(HttpStatusCode.Unauthorized);
        var stale = (await poster.SendAsync(channel, WeChatRequests.Encrypted(WeChatPushes.Text, now.AddMinutes(-10)))).Expect(HttpStatusCode.Forbidden);
        var malformed = (await poster.SendAsync(channel, WeChatRequests.Encrypted("<xml><MsgType>text</MsgType><Content>cut", now))).Expect(HttpStatusCode.BadRequest);
        var plain = (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Text, now))).Expect(HttpStatusCode.Unauthorized);
        var huge = WeChatRequests.Plain(WeChatPushes.Text, now) with { Body = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024 + 1)) };
        var oversized = (await poster.SendAsync(channel, huge)).Expect(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(["msg_signature", "Encrypt", "timestamp", "Content", "encrypt_type", "body"],
            new[] { forged, otherApp, stale, malformed, plain, oversized }.Select(p => string.Join(",", p.ErrorFields)));
        Assert.All(new[] { forged, otherApp, stale, malformed, plain, oversized }, p => Assert.Equal("application/problem+json", p.MediaType));
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });

    /// <summary>
    /// The settings with the platform's API at a closed local port: image and voice pushes make the silo fetch their
    /// media after the answer, and a test must never reach the real platform on the internet.
    /// </summary>
    private static Dictionary<string, string> Offline(IReadOnlyDictionary<string, string> settings) =>
        new(settings) { [WeChatSettings.ApiBaseUrl] = $"http://127.0.0.1:{FreePorts.Next()}" };
}
