using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Attachments;
using TicketGrains.Grains.AutoFill.Fields;
using TicketGrains.Grains.AutoFill.Speech;

namespace TicketGrains.Grains.AutoFill.Proposals;

/// <summary>
/// Reads the fields of one item: typed text by the tenant's extractor (source "text"), an image through OCR (source
/// "ocr"), a voice note from its transcript or else the speech reader (source "speech"). A field heard in speech is no
/// surer than the transcript (a misheard digit still fits a format): its confidence is the smaller of the two. OCR's
/// whole-page confidence is not applied: the page's Chinese labels drag it down, and it says little about a number whose
/// format (and check digit) the extractor has checked (ADR 0023). The text of a channel's voice message is the
/// platform's recognition of it, so it is read as speech, as sure as <see cref="RecognitionTranscript"/>.
/// </summary>
public sealed class ItemFieldReader(
    TenantFieldExtractors extractors, AttachmentVault vault, InboundRecords inbound, IEnumerable<IMediaTextReader> readers)
{
    public async Task<IReadOnlyList<ProposedFieldView>> ReadAsync(string tenant, FieldSourceItem item, CancellationToken cancellationToken)
    {
        switch (item.Kind)
        {
            case FieldSourceKinds.Text when item.Text is { } text:
                return Extract(tenant, await IsVoiceAsync(tenant, item, cancellationToken)
                    ? new MediaText(RecognitionTranscript.Normalise(text), FieldSources.Speech, RecognitionTranscript.Confidence)
                    : new MediaText(text, FieldSources.Text, 1), null);
            case FieldSourceKinds.Voice when item.Transcript is { } transcript:
                return Extract(tenant, new MediaText(transcript.Text, FieldSources.Speech, transcript.Confidence), item.AttachmentId);
            case FieldSourceKinds.Image or FieldSourceKinds.Voice when item is { AttachmentId: { } id, ContentType: { } type }:
                var source = item.Kind == FieldSourceKinds.Image ? FieldSources.Ocr : FieldSources.Speech;
                var reader = readers.FirstOrDefault(r => r.Source == source && r.Reads(type));
                if (reader is null || await vault.OpenAsync(tenant, id, cancellationToken) is not { } file)
                {
                    return [];
                }

                return await reader.ReadAsync(file.Content, type, cancellationToken) is { } read ? Extract(tenant, read, id) : [];
            default:
                return [];
        }
    }

    /// <summary>
    /// Whether the text came with a voice message: as the ticket recorded its kind, else (a message filed before the kind
    /// was recorded) as its receipt in the log says. Reading the receipt was a statement per inbound message.
    /// </summary>
    private async Task<bool> IsVoiceAsync(string tenant, FieldSourceItem item, CancellationToken cancellationToken) => item switch
    {
        { InboundMessage: null } => false,
        { InboundKind: { } kind } => kind == VoiceKind,
        _ => (await inbound.ReadAsync(tenant, item.InboundMessage, cancellationToken)).Received?.Kind == VoiceKind,
    };

    private const string VoiceKind = "voice";

    private IReadOnlyList<ProposedFieldView> Extract(string tenant, MediaText read, Guid? attachment)
    {
        var extractor = extractors.For(tenant);
        var text = read.Text.Length <= extractors.MaxTextLength ? read.Text : read.Text[..extractors.MaxTextLength];
        var cap = read.Source == FieldSources.Speech ? read.Confidence : 1;
        return [.. extractor.Extract(text, read.Source)
            .Select(f => new ProposedFieldView(f.Name, f.Value, Math.Min(f.Confidence, cap), read.Source, attachment))];
    }
}
