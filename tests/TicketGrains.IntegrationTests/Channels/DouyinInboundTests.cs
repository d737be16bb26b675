using System.Net;
using System.Text;
using TicketGrains.Api.Channels.Douyin;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.Tests.Channels;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>Douyin's raw pushes (the unit tests' fixtures, moved to now) over real HTTP to the ticket they become.</summary>
[Collection(ApiCollection.Name)]
public sealed class DouyinInboundTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    internal const string Secret = "douyin-secret";
    private static readonly object Settings = new { clientKey = "awdouyinshop", clientSecret = Secret, apiBaseUrl = "https://open.douyin.com" };

    /// <summary>A fixture as Douyin would send it now: its create_time moved to <paramref name="createdAt"/>, its sender and Msg-Id made fresh.</summary>
    internal static InboundRequest Push(string fixture, string sender, string suffix, DateTimeOffset? createdAt = null, string secret = Secret) =>
        ChannelFixture.Load("Douyin", fixture, DateTimeOffset.UtcNow, request => DouyinAdapter.Sign(secret, request.Body), text => text
            .Replace("1764748800000", (createdAt ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(), StringComparison.Ordinal)
            .Replace("_000customerA", sender, StringComparison.Ordinal)
            .Replace("Msg-Id: msg-", $"Msg-Id: {suffix}-msg-", StringComparison.Ordinal));

    internal static string NewSender() => "_000" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public Task The_challenge_is_answered_and_a_private_message_becomes_a_ticket_of_its_sender() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "douyin", Settings);
        var sender = NewSender();

        var challenge = (await inbound.SendAsync(Push("verify_webhook.request", sender, "v"))).Expect(HttpStatusCode.OK);
        var answer = (await inbound.SendAsync(Push("im_receive_msg_text.request", sender, "t"))).Expect(HttpStatusCode.OK);

        Assert.Equal(("{\"challenge\":98765432109876543210}", "application/json"), (challenge.Text, challenge.MediaType));
        Assert.Equal("success", answer.Text);
        var ticket = await inbound.TicketOfAsync("douyin", sender);
        Assert.Equal(("douyin", "订单 DD20251203001 还没发货"), (ticket.GetProperty("channel").GetString(), ticket.GetProperty("messages")[0].GetProperty("body").GetString()));
    });

    [Fact]
    public Task A_retry_storm_stores_each_message_once() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "douyin", Settings);
        var sender = NewSender();
        string[] fixtures = ["im_receive_msg_text.request", "im_receive_msg_image.request", "im_receive_msg_card.request"];

        foreach (var push in fixtures.Select(f => Push(f, sender, "storm")))
        {
            var answers = await Task.WhenAll(inbound.SendAsync(push), inbound.SendAsync(push));
            Assert.All(answers, a => a.Expect(HttpStatusCode.OK));
            (await inbound.SendAsync(push)).Expect(HttpStatusCode.OK);
        }

        Assert.Equal(3, await ChannelPoster.StoredAsync(cluster.Database, inbound.Channel));
    });

    [Fact]
    public Task Bad_signature_stale_message_wrong_app_malformed_and_oversized_pushes_get_a_named_problem_and_store_nothing() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "douyin", Settings);
        var sender = NewSender();
        var wrongApp = Push("im_receive_msg_text.request", sender, "app");
        var otherKey = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(wrongApp.Body).Replace("awdouyinshop", "awanothershop", StringComparison.Ordinal));

        var forged = (await inbound.SendAsync(Push("im_receive_msg_text.request", sender, "f", secret: "guessed"))).Expect(HttpStatusCode.Unauthorized);
        var stale = (await inbound.SendAsync(Push("im_receive_msg_text.request", sender, "s", DateTimeOffset.UtcNow.AddMinutes(-10)))).Expect(HttpStatusCode.Forbidden);
        var foreign = (await inbound.SendAsync(wrongApp with { Headers = Signed(wrongApp, otherKey) }, otherKey)).Expect(HttpStatusCode.Forbidden);
        var malformed = (await inbound.SendAsync(Push("malformed.request", sender, "m"))).Expect(HttpStatusCode.BadRequest);
        var huge = new byte[InboundLimits.MaxBodyBytes + 1];
        var oversized = (await inbound.SendAsync(wrongApp with { Headers = Signed(wrongApp, huge) }, huge)).Expect(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal([DouyinAdapter.SignatureHeader, "create_time", "client_key", "body", "body"],
            new[] { forged, stale, foreign, malformed, oversized }.Select(p => Assert.Single(p.ErrorFields)));
        Assert.All(new[] { forged, stale, foreign, malformed, oversized }, p => Assert.Equal("application/problem+json", p.MediaType));
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, inbound.Channel));
    });

    private static Dictionary<string, string> Signed(InboundRequest request, byte[] body) =>
        new(request.Headers, StringComparer.OrdinalIgnoreCase) { [DouyinAdapter.SignatureHeader] = DouyinAdapter.Sign(Secret, body) };
}
