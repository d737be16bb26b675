using System.Net;
using System.Text.Json;
using TicketGrains.IntegrationTests.Api;
using TicketGrains.IntegrationTests.Attachments;
using TicketGrains.IntegrationTests.AutoFill.Proposals;
using TicketGrains.IntegrationTests.Channels;
using TicketGrains.IntegrationTests.Infrastructure;
using TicketGrains.Tests.Channels.App;

namespace TicketGrains.IntegrationTests.AutoFill.Speech;

/// <summary>
/// A phone system uploads a voice note without recognised text: the media fetch has the speech reader (real sox and
/// pocketsphinx) transcribe the recording, the ticket's voice attachment carries the order number as digits, and the ticket gets it as its order number.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PhoneVoiceTranscriptTests(ApiClusterFixture cluster, ITestOutputHelper output)
{
    // It stalled in full-suite runs (quarantined on 2026-12-04): an attachment test's file that only starts like AMR made
    // sox spin until the 60 s deadline while holding the one-at-a-time speech reader. Such files are now refused before sox.
    [Fact]
    public Task A_voice_note_without_recognised_text_is_recorded_with_the_order_number_it_says() => cluster.RunAsync(output, async () =>
    {
        var (poster, channel) = await ChannelPoster.CreateAsync(cluster.Http, cluster.FreshTenant(), "phone");
        var caller = "+86139" + Random.Shared.Next(10_000_000, 99_999_999);
        var recording = await SpokenNote.SayAsync("rms", "my order number is three eight eight five one two double seven zero four", "wav");

        (await poster.PostAsync(channel, AppRequests.VoiceNoteWithAudio("call-9", caller, "", recording, DateTimeOffset.UtcNow))).Expect(HttpStatusCode.OK);

        var ticket = (await InboundTickets.OfAsync(poster.Admin, caller, "phone")).GetProperty("id").GetGuid();
        JsonElement? added = null;
        await Poll.UntilAsync("the transcribed voice note", TimeSpan.FromSeconds(60), async () =>
            (added = (await AttachmentRequests.EventsAsync(poster.Admin, ticket, "AttachmentAdded")).Cast<JsonElement?>().SingleOrDefault()) is not null);
        var transcript = added!.Value.GetProperty("transcript");
        Assert.Equal("speech", transcript.GetProperty("source").GetString());
        Assert.Contains("3885127704", transcript.GetProperty("text").GetString()!.Split(' '));

        // The order number it says reaches the ticket, filled or proposed by the speech reader's confidence.
        var view = await ProposalRequests.TicketWhenAsync(poster.Admin, ticket, "the order number heard in the note",
            t => ProposalRequests.HasField(t, "orderNo") || ProposalRequests.Proposed(t, "orderNo") is not null);
        var heard = ProposalRequests.Proposed(view, "orderNo") is { } proposed
            ? (proposed.GetProperty("value").GetString(), proposed.GetProperty("source").GetString())
            : (ProposalRequests.Field(view, "orderNo"), ProposalRequests.Source(view, "orderNo"));
        Assert.Equal(("3885127704", "speech"), heard);
    });
}
