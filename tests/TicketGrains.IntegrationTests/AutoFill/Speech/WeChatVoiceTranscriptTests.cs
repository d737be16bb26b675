using System.Net;
using TicketGrains.Api.Channels.WeChat;
using TicketGrains.IntegrationTests.Attachments;
using TicketGrains.IntegrationTests.Channels.WeChat;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Attachments;
using TicketGrains.Tests.Channels.WeChat;

namespace TicketGrains.IntegrationTests.AutoFill.Speech;

/// <summary>
/// The Chinese path: a WeChat voice push carries the platform's Recognition; when the voice file is fetched and recorded
/// on the ticket, that text is the attachment's transcript (source "speech"), sealed in the log like the file's name.
/// </summary>
[Collection(WeChatCollection.Name)]
public sealed class WeChatVoiceTranscriptTests(WeChatClusterFixture cluster, ITestOutputHelper output)
{
    [Fact]
    public Task A_wechat_voice_is_recorded_with_its_recognition_as_the_transcript() => cluster.RunAsync(output, async () =>
    {
        await using var platform = await FakeWeChatPlatform.StartAsync(WeChatRequests.AppId, WeChatRequests.AppSecret);
        platform.OnFile("/cgi-bin/media/get", _ => new PlatformFile(SampleFiles.Amr(4_000), "audio/amr", "voice_3Jd9w.amr"));
        var api = cluster.FreshTenant();
        var (poster, channel) = await InboundPoster.CreateAsync(cluster.Http, api, "wechat",
            new Dictionary<string, string>(WeChatRequests.PlainSettings) { [WeChatSettings.ApiBaseUrl] = platform.BaseUrl });

        (await poster.SendAsync(channel, WeChatRequests.Plain(WeChatPushes.Voice, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var ticket = (await poster.TicketOfAsync("wechat", WeChatPushes.Follower)).GetProperty("id").GetGuid();
        System.Text.Json.JsonElement? added = null;
        await Poll.UntilAsync("the voice recorded on its ticket", TimeSpan.FromSeconds(40), async () =>
            (added = (await AttachmentRequests.EventsAsync(api, ticket, "AttachmentAdded")).Cast<System.Text.Json.JsonElement?>().SingleOrDefault()) is not null);
        var transcript = added!.Value.GetProperty("transcript");
        Assert.Equal(("我要退货", "speech", 0.8), (transcript.GetProperty("text").GetString(), transcript.GetProperty("source").GetString(),
            transcript.GetProperty("confidence").GetDouble()));
        var stored = await cluster.Database.ColumnAsync<string>("SELECT data::text FROM tg_events WHERE tenant_id = $1 AND event_type = 'AttachmentAdded'", api.Tenant!);
        Assert.DoesNotContain("我要退货", Assert.Single(stored), StringComparison.Ordinal);
    });
}
