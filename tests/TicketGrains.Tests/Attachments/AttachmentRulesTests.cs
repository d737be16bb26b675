using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.Tickets;
using Xunit;

namespace TicketGrains.Tests.Attachments;

public sealed class AttachmentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly AttachmentNote Note = new(Guid.Parse("019a0000-0000-7000-8000-000000000002"), "a.png", "image/png", 10, "alice", null);

    [Fact]
    public void A_ticket_records_an_attachment_once()
    {
        var state = Existing();

        var added = AttachmentDecisions.Add(state, Note, Now);
        state.Apply(added!);

        Assert.Equal((Note.AttachmentId, "a.png", "image/png", 10L, "alice"), (added!.AttachmentId, added.FileName, added.ContentType, added.Bytes, added.Actor));
        Assert.Null(AttachmentDecisions.Add(state, Note, Now));
    }

    [Fact]
    public void A_closed_ticket_takes_no_attachment_but_records_a_failed_fetch_once()
    {
        var state = Existing();
        state.Apply(new StatusChanged(TicketStatus.New, TicketStatus.Closed, "alice", Now));

        Assert.Equal("status", Assert.Throws<InvalidFieldException>(() => AttachmentDecisions.Add(state, Note, Now)).Field);
        var failed = AttachmentDecisions.FetchFailed(state, "inbound/x/y", "errcode 40007: invalid media_id", Now);
        state.Apply(failed!);
        Assert.Null(AttachmentDecisions.FetchFailed(state, "inbound/x/y", "again", Now));
        Assert.Throws<NotFoundException>(() => AttachmentDecisions.Add(new TicketState(), Note, Now));
    }

    [Fact]
    public void A_channel_messages_file_goes_only_beside_its_message_even_once_the_ticket_closed()
    {
        var state = Existing();
        var origin = new InboundOrigin("inbound/c/m1", Guid.NewGuid(), "thread-hash", null, "thread", "same conversation");
        state.Apply(new MessageAdded("customer", "[image media x]", false, Now, "channel:c", origin));
        state.Apply(new StatusChanged(TicketStatus.New, TicketStatus.Closed, "alice", Now));

        var beside = AttachmentDecisions.Add(state, Note with { InboundMessage = "inbound/c/m1" }, Now);
        var elsewhere = Assert.Throws<InvalidFieldException>(() => AttachmentDecisions.Add(state, Note with { AttachmentId = Guid.NewGuid(), InboundMessage = "inbound/c/m2" }, Now));

        Assert.Equal("inbound/c/m1", beside?.InboundMessage);
        Assert.Equal(AttachmentDecisions.InboundMessageField, elsewhere.Field);
    }

    [Theory]
    [InlineData("C:\\Users\\li\\截图 1.png", "截图 1.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a\"b\r\n.png", "ab.png")]
    [InlineData("  ", "attachment.png")]
    [InlineData(null, "attachment.png")]
    [InlineData("..", "attachment.png")]
    public void File_names_lose_paths_quotes_and_control_characters(string? sent, string kept)
    {
        Assert.Equal(kept, FileNames.Clean(sent, FileTypes.Png));
    }

    [Fact]
    public void Failed_fetches_wait_5_seconds_doubling_up_to_10_minutes()
    {
        Assert.Equal([5, 5, 10, 20, 40, 80, 160, 320, 600, 600],
            new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 30 }.Select(a => (int)FetchBackoff.After(a).TotalSeconds));
    }

    [Fact]
    public void Inbound_attachment_ids_are_stable_per_message_and_place()
    {
        Assert.Equal(AttachmentIds.OfInbound("t", "inbound/c/m", 0), AttachmentIds.OfInbound("t", "inbound/c/m", 0));
        Assert.NotEqual(AttachmentIds.OfInbound("t", "inbound/c/m", 0), AttachmentIds.OfInbound("t", "inbound/c/m", 1));
        Assert.NotEqual(AttachmentIds.OfInbound("t", "inbound/c/m", 0), AttachmentIds.OfInbound("u", "inbound/c/m", 0));
    }

    private static TicketState Existing()
    {
        var state = new TicketState();
        state.Apply(new TicketCreated(Guid.NewGuid(), Guid.NewGuid(), "api", "subject", "body", TicketCatalog.DefaultCategory, TicketCatalog.DefaultPriority,
            "general", new Dictionary<string, string>(), "", null, Now));
        return state;
    }
}
