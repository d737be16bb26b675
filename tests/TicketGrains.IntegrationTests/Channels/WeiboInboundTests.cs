using System.Globalization;
using System.Net;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.Tests.Channels;

namespace TicketGrains.IntegrationTests.Channels;

/// <summary>Weibo's raw pushes (the unit tests' fixtures, moved to now) over real HTTP to the ticket they become.</summary>
[Collection(ApiCollection.Name)]
public sealed class WeiboInboundTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    internal const string Secret = "weibo-app-secret";
    private static readonly object Settings = new { appSecret = Secret, apiBaseUrl = "https://m.api.weibo.com" };

    /// <summary>A fixture as Weibo would send it now: signed at <paramref name="signedAt"/>, created at <paramref name="createdAt"/>, from <paramref name="sender"/>.</summary>
    internal static InboundRequest Push(string fixture, string sender, DateTimeOffset? signedAt = null, DateTimeOffset? createdAt = null, string secret = Secret) =>
        ChannelFixture.Load("Weibo", fixture, DateTimeOffset.UtcNow,
            request => Signatures.SortedSha1Hex(secret, request.QueryValue("timestamp")!, request.QueryValue("nonce")!), text => text
                .Replace("timestamp=1764748800", $"timestamp={(signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()}", StringComparison.Ordinal)
                .Replace("Wed Dec 03 16:00:00 +0800 2025", (createdAt ?? DateTimeOffset.UtcNow).ToOffset(TimeSpan.FromHours(8))
                    .ToString("ddd MMM dd HH:mm:ss +0800 yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("<CreateTime>1764748800<", $"<CreateTime>{(createdAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()}<", StringComparison.Ordinal)
                .Replace("2489518277", sender, StringComparison.Ordinal));

    internal static string NewSender() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public Task The_url_check_is_answered_and_a_text_push_becomes_a_ticket_of_its_sender() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "weibo", Settings);
        var sender = NewSender();

        var check = (await inbound.SendAsync(Push("url_check.request", sender))).Expect(HttpStatusCode.OK);
        var answer = (await inbound.SendAsync(Push("text.request", sender))).Expect(HttpStatusCode.OK);

        Assert.Equal(("weibo-echo-7731", ""), (check.Text, answer.Text));
        var ticket = await inbound.TicketOfAsync("weibo", sender);
        Assert.Equal(("weibo", "订单 WB20251203 什么时候到?"), (ticket.GetProperty("channel").GetString(), ticket.GetProperty("messages")[0].GetProperty("body").GetString()));
    });

    [Fact]
    public Task An_account_pushing_the_xml_format_gets_its_text_as_a_ticket_once_however_often_it_is_posted() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "weibo", Settings);
        var sender = NewSender();
        var createdAt = DateTimeOffset.UtcNow;

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal("", (await inbound.SendAsync(Push("xml_text.request", sender, createdAt: createdAt))).Expect(HttpStatusCode.OK).Text);
        }

        var ticket = await inbound.TicketOfAsync("weibo", sender);
        Assert.Equal("订单 WB20251203 什么时候到?", ticket.GetProperty("messages")[0].GetProperty("body").GetString());
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, inbound.Channel));
    });

    [Fact]
    public Task A_retry_storm_stores_each_push_once() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "weibo", Settings);
        var sender = NewSender();
        var createdAt = DateTimeOffset.UtcNow;
        string[] fixtures = ["text.request", "position.request", "image.request"];

        // Each retry is signed anew (Weibo signs every delivery), yet all three carry the same sender and created_at.
        foreach (var fixture in fixtures)
        {
            var answers = await Task.WhenAll(inbound.SendAsync(Push(fixture, sender, createdAt: createdAt)), inbound.SendAsync(Push(fixture, sender, createdAt: createdAt)));
            Assert.All(answers, a => a.Expect(HttpStatusCode.OK));
            (await inbound.SendAsync(Push(fixture, sender, DateTimeOffset.UtcNow.AddSeconds(5), createdAt))).Expect(HttpStatusCode.OK);
        }

        Assert.Equal(3, await ChannelPoster.StoredAsync(cluster.Database, inbound.Channel));
    });

    [Fact]
    public Task Bad_signature_stale_timestamp_malformed_and_oversized_pushes_get_a_named_problem_and_store_nothing() => cluster.RunAsync(output, async () =>
    {
        var inbound = await RawInbound.CreateAsync(cluster.Http, cluster.FreshTenant(), "weibo", Settings);
        var sender = NewSender();

        var forged = (await inbound.SendAsync(Push("text.request", sender, secret: "guessed"))).Expect(HttpStatusCode.Unauthorized);
        var stale = (await inbound.SendAsync(Push("text.request", sender, DateTimeOffset.UtcNow.AddMinutes(-10)))).Expect(HttpStatusCode.Forbidden);
        var malformed = (await inbound.SendAsync(Push("malformed.request", sender))).Expect(HttpStatusCode.BadRequest);
        var oversized = (await inbound.SendAsync(Push("text.request", sender), new byte[InboundLimits.MaxBodyBytes + 1])).Expect(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(["signature", "timestamp", "body", "body"], new[] { forged, stale, malformed, oversized }.Select(p => Assert.Single(p.ErrorFields)));
        Assert.All(new[] { forged, stale, malformed, oversized }, p => Assert.Equal("application/problem+json", p.MediaType));
        Assert.Equal(0, await ChannelPoster.StoredAsync(cluster.Database, inbound.Channel));
    });
}
