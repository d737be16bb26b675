using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Attachments;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.Attachments;

/// <summary>A phone system uploads a voice note with the caller's number: the recording becomes the ticket's voice attachment.</summary>
[Collection(ApiCollection.Name)]
public sealed class PhoneVoiceNoteTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public Task A_voice_notes_recording_is_stored_as_the_callers_ticket_attachment() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "phone");
        var caller = "+86139" + Random.Shared.Next(10_000_000, 99_999_999);
        var recording = SampleFiles.Amr(20_000);

        (await poster.PostAsync(channel, AppRequests.VoiceNoteWithAudio("call-7", caller, "快递丢了", recording, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);
        var refused = (await poster.PostAsync(channel, AppRequests.VoiceNoteWithAudio("call-8", caller, "x", SampleFiles.Png(), DateTimeOffset.UtcNow)))
            .Expect(HttpStatusCode.BadRequest);

        Assert.Equal(["audio"], refused.ErrorFields);
        var ticket = (await InboundTickets.OfAsync(poster.Admin, caller, "phone")).GetProperty("id").GetGuid();
        JsonElement? added = null;
        await Poll.UntilAsync("the voice note's attachment", Deadline, async () =>
            (added = (await AttachmentRequests.EventsAsync(poster.Admin, ticket, "AttachmentAdded")).Cast<JsonElement?>().SingleOrDefault()) is not null);
        Assert.Equal(("voice-note.amr", "audio/amr", 20_000L), (added!.Value.GetProperty("fileName").GetString(),
            added.Value.GetProperty("contentType").GetString(), added.Value.GetProperty("bytes").GetInt64()));
        var download = await AttachmentRequests.DownloadAsync(cluster.Http, poster.Admin.Tenant!, added.Value.GetProperty("attachmentId").GetGuid());
        Assert.Equal((HttpStatusCode.OK, "audio/amr"), (download.Status, download.ContentType));
        Assert.Equal(recording, download.Content);
        Assert.Equal(1, await ChannelPoster.StoredAsync(cluster.Database, channel));
    });
}
