namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// A field value read from the ticket's text, a screenshot or a voice note that was not filled in by itself (too unsure,
/// or the ticket already holds another value): waiting for an agent to accept or reject it. <see cref="Source"/> is
/// "text", "ocr" or "speech"; <see cref="AttachmentId"/> the file it was read from, when it came from one.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.ProposedFieldView")]
public sealed record class ProposedFieldView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Value,
    [property: Id(2)] double Confidence,
    [property: Id(3)] string Source,
    [property: Id(4)] Guid? AttachmentId = null);
