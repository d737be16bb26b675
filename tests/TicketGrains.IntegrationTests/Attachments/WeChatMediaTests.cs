using System.Net;
using System.Text.Json.Nodes;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.IntegrationTests.Channels.WeChat;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Attachments;
using TicketGrains.Tests.Channels.WeChat;
using TicketGrains.Tests.Channels.WeCom;

namespace TicketGrains.IntegrationTests.Attachments;

/// <summary>
/// WeChat media end to end: the raw push is answered, then the image is fetched from the local platform's
/// /cgi-bin/media/get (with the account's access token and the push's MediaId), stored sealed and recorded on the
/// ticket the message opened, downloadable through the API; a busy platform is asked again, an unknown media id is
/// recorded on the ticket beside the message's text; a WeCom message pulled from sync_msg is fetched with the corp's token.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class WeChatMediaTests(WeChatClusterFixture cluster, ITestOutputHelper output)
{
    private const string MediaPath = "/cgi-bin/media/get";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public Task An_image_push_is_fetched_by_its_media_id_and_downloadable_from_its_ticket() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeChatRequests.AppId, WeChatRequests.AppSecret);
        var jpeg = SampleFiles.Jpeg(50_000);
        platform.OnFile(MediaPath, r => r.Query.GetValueOrDefault("media_id") == "img_Kx81mfQ0a" ? new PlatformFile(jpeg, "image/jpeg", "img_Kx81mfQ0a.jpg") : null);
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wechat", Settings(platform));

        var answer = (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Image, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        Assert.Equal("success", answer.Text);
        var ticket = (await poster.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
        var added = await RecordedAsync(api, ticket, "AttachmentAdded");
        var id = added.GetProperty("attachmentId").GetGuid();
        Assert.Equal(("img_Kx81mfQ0a.jpg", "image/jpeg", 50_000L, $"channel:{channel:D}"), (added.GetProperty("fileName").GetString(),
            added.GetProperty("contentType").GetString(), added.GetProperty("bytes").GetInt64(), added.GetProperty("actor").GetString()));
        Assert.StartsWith($"inbound/{channel:D}/", added.GetProperty("inboundMessage").GetString());
        var download = await AttachmentRequests.DownloadAsync(cluster.Http, api.Tenant!, id);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (download.Status, download.ContentType));
        Assert.Equal(jpeg, download.Content);
        var fetched = Assert.Single(platform.ReceivedAt(MediaPath));
        Assert.Equal(("GET", platform.CurrentToken, "img_Kx81mfQ0a"), (fetched.Method, fetched.Query["access_token"], fetched.Query["media_id"]));
    });

    [Fact]
    public Task A_busy_platform_is_asked_again_and_the_voice_is_stored_on_a_later_attempt() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeChatRequests.AppId, WeChatRequests.AppSecret);
        var amr = SampleFiles.Amr(6_000);
        var calls = 0;
        platform.OnFile(MediaPath, _ => Interlocked.Increment(ref calls) == 1 ? null : new PlatformFile(amr, "audio/amr", "voice_3Jd9w.amr"));
        platform.On(MediaPath, _ => FakeWeChatPlatform.Error(-1, "system error"));
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wechat", Settings(platform));

        (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Voice, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var ticket = (await poster.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
        var added = await RecordedAsync(api, ticket, "AttachmentAdded");
        Assert.Equal((2, "audio/amr"), (platform.ReceivedAt(MediaPath).Count, added.GetProperty("contentType").GetString()));
        Assert.Equal(amr, (await AttachmentRequests.DownloadAsync(cluster.Http, api.Tenant!, added.GetProperty("attachmentId").GetGuid())).Content);
    });

    [Fact]
    public Task An_unknown_media_id_is_recorded_on_the_ticket_and_the_messages_text_stays() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeChatRequests.AppId, WeChatRequests.AppSecret);
        platform.On(MediaPath, _ => FakeWeChatPlatform.Error(40007, "invalid media_id"));
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wechat", Settings(platform));

        (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Voice, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var ticket = await poster.TicketOfAsync("wechat", WeChatPushes.Follower);
        var failed = await RecordedAsync(api, ticket.GetProperty("id").GetGuid(), "AttachmentFetchFailed");
        Assert.Equal("errcode 40007: invalid media_id", failed.GetProperty("reason").GetString());
        Assert.Equal("我要退货", ticket.GetProperty("messages")[0].GetProperty("body").GetString());
        Assert.Single(platform.ReceivedAt(MediaPath));
        Assert.Equal(["failed"], await cluster.Database.ColumnAsync<string>("SELECT state FROM tg_attachment_fetches WHERE tenant_id = $1", api.Tenant!));
    });

    [Fact]
    public Task A_wecom_image_pulled_from_sync_msg_is_fetched_with_the_corps_token() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeComRequests.CorpId, WeComRequests.Secret);
        var customer = "wm" + Guid.NewGuid().ToString("N");
        var png = SampleFiles.Png(40_000);
        platform.On("/cgi-bin/kf/sync_msg", _ => new JsonObject
        {
            ["errcode"] = 0, ["errmsg"] = "ok", ["next_cursor"] = "cursor-1", ["has_more"] = 0,
            ["msg_list"] = new JsonArray(new JsonObject
            {
                ["msgid"] = "img_" + customer, ["open_kfid"] = WeComRequests.OpenKfId, ["external_userid"] = customer,
                ["send_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["origin"] = 3, ["msgtype"] = "image",
                ["image"] = new JsonObject { ["media_id"] = "2iSLeVyqzk4eX0IB5kTi9Ljfa2rt9dwfq5WKRQ4Nvvgw" },
            }),
        });
        platform.OnFile(MediaPath, r => r.Query.GetValueOrDefault("media_id") == "2iSLeVyqzk4eX0IB5kTi9Ljfa2rt9dwfq5WKRQ4Nvvgw"
            ? new PlatformFile(png, "image/png", "receipt.png") : null);
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wecom",
            new Dictionary<string, string>(WeComRequests.Settings) { [WeChatSettings.ApiBaseUrl] = platform.BaseUrl });

        (await poster.SendAsync(channel, WeComRequests.Callback(WeComRequests.KfMsgOrEvent(), DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var ticket = (await poster.TicketOfAsync("wecom", customer)).GetProperty("id").GetGuid();
        var added = await RecordedAsync(api, ticket, "AttachmentAdded");
        Assert.Equal(("receipt.png", "image/png"), (added.GetProperty("fileName").GetString(), added.GetProperty("contentType").GetString()));
        Assert.Equal(png, (await AttachmentRequests.DownloadAsync(cluster.Http, api.Tenant!, added.GetProperty("attachmentId").GetGuid())).Content);
        var fetched = Assert.Single(platform.ReceivedAt(MediaPath));
        Assert.Equal(platform.CurrentToken, fetched.Query["access_token"]);
        Assert.Single(platform.ReceivedAt("/cgi-bin/gettoken"));
    });

    private static Dictionary<string, string> Settings(FakeWeChatPlatform platform) =>
        new(WeChatRequests.PlainSettings) { [WeChatSettings.ApiBaseUrl] = platform.BaseUrl };

    private static async Task<System.Text.Json.JsonElement> RecordedAsync(ApiClient api, Guid ticket, string type)
    {
        System.Text.Json.JsonElement? found = null;
        await Poll.UntilAsync($"{type} on ticket {ticket}", Deadline, async () =>
        {
            found = (await AttachmentRequests.EventsAsync(api, ticket, type)).Cast<System.Text.Json.JsonElement?>().SingleOrDefault();
            return found is not null;
        });
        return found!.Value;
    }
}
