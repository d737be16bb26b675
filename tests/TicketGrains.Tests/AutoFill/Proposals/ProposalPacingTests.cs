using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.AutoFill.Proposals;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Proposals;

/// <summary>How the field reading is paced: many texts at once, few media readings, each timed from its turn.</summary>
public sealed class ProposalPacingTests
{
    [Fact]
    public void Only_images_and_voice_notes_without_a_transcript_take_a_media_reading_turn()
    {
        var transcript = new AttachmentTranscript("order 3885127704", "speech", 0.8);

        Assert.False(new FieldSourceItem(FieldSourceKinds.Text, Text: "订单号 3456789012345678901").NeedsMediaReader);
        Assert.True(new FieldSourceItem(FieldSourceKinds.Image, AttachmentId: Guid.NewGuid(), ContentType: "image/png").NeedsMediaReader);
        Assert.True(new FieldSourceItem(FieldSourceKinds.Voice, AttachmentId: Guid.NewGuid(), ContentType: "audio/amr").NeedsMediaReader);
        Assert.False(new FieldSourceItem(FieldSourceKinds.Voice, AttachmentId: Guid.NewGuid(), ContentType: "audio/amr", Transcript: transcript).NeedsMediaReader);
    }

    [Fact]
    public void The_defaults_read_sixteen_tickets_and_two_media_items_at_once() =>
        Assert.Equal((16, 2, true), (new ProposalOptions().MaxConcurrency, new ProposalOptions().MediaConcurrency, !new ProposalOptions().Problems("p").Any()));

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void A_media_limit_outside_one_to_the_ticket_limit_is_named(int media) =>
        Assert.Equal([$"AutoFill:Proposals:MediaConcurrency must be between 1 and MaxConcurrency (16), not {media}."],
            new ProposalOptions { MediaConcurrency = media }.Problems("AutoFill:Proposals"));
}
