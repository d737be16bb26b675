using Microsoft.Extensions.Options;
using Npgsql;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Proposals;
using TicketGrains.Grains.AutoFill.Speech;
using TicketGrains.Grains.Encryption;
using Xunit;

namespace TicketGrains.Tests.AutoFill.Proposals;

/// <summary>
/// A channel message's text is read as what it was: typed, or a platform's recognition of a voice message (source
/// "speech", no surer than the recognition). The kind comes from the ticket's record of the message; only a message
/// filed before the kind was recorded sends the reader to its receipt in the log.
/// </summary>
public sealed class ItemFieldReaderTests
{
    private const string Said = "我的订单号是3456789012345678901";
    private const string Message = "inbound/0193a4c2-0000-7000-8000-00000000c001/wx-1";

    private static readonly TenantFieldExtractors Extractors = new(Options.Create(new FieldExtractionOptions()));

    // Nothing listens here: a reader that went to the log for the receipt fails instead of answering.
    private readonly ItemFieldReader _reader = new(
        Extractors,
        new AttachmentVault(new InMemoryAttachmentStore(), new ClearProtection(), Options.Create(new AttachmentOptions()), TimeProvider.System),
        new InboundRecords(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2")),
        []);

    [Fact]
    public async Task A_voice_messages_text_is_read_as_speech_from_the_kind_the_ticket_recorded()
    {
        var fields = await _reader.ReadAsync("shop", Item("voice"), CancellationToken.None);

        var order = Assert.Single(fields, f => f.Name == "orderNo");
        Assert.Equal(("3456789012345678901", FieldSources.Speech, RecognitionTranscript.Confidence), (order.Value, order.Source, order.Confidence));
    }

    [Fact]
    public async Task A_typed_messages_text_is_read_as_text_from_the_kind_the_ticket_recorded()
    {
        var fields = await _reader.ReadAsync("shop", Item("text"), CancellationToken.None);

        // As sure as the extractor is of typed text, not capped by a recognition's confidence.
        var typed = Extractors.For("shop").Extract(Said, FieldSources.Text).Single(f => f.Name == "orderNo").Confidence;
        var order = Assert.Single(fields, f => f.Name == "orderNo");
        Assert.Equal(("3456789012345678901", FieldSources.Text, typed), (order.Value, order.Source, order.Confidence));
        Assert.True(typed > RecognitionTranscript.Confidence);
    }

    [Fact]
    public async Task A_message_filed_before_its_kind_was_recorded_is_looked_up_in_the_log() =>
        await Assert.ThrowsAsync<StorageUnavailableException>(() => _reader.ReadAsync("shop", Item(kind: null), CancellationToken.None));

    private static FieldSourceItem Item(string? kind) => new(FieldSourceKinds.Text, Text: Said, InboundMessage: Message, InboundKind: kind);
}
