namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// Something of a ticket that fields can be read from, as one of its events brought it: typed text (<see cref="Text"/>),
/// an image (<see cref="AttachmentId"/>, read by OCR) or a voice note (its <see cref="Transcript"/> when it came with
/// one, else the file, heard by the speech reader). <see cref="InboundMessage"/> is the channel message (its inbound
/// stream) a text came with, and <see cref="InboundKind"/> its kind when the ticket recorded it: a voice message's text
/// is the platform's recognition of it. <see cref="Kind"/> is one of <see cref="FieldSourceKinds"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.FieldSourceItem")]
public sealed record class FieldSourceItem(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] Guid? AttachmentId = null,
    [property: Id(3)] string? ContentType = null,
    [property: Id(4)] AttachmentTranscript? Transcript = null,
    [property: Id(5)] string? InboundMessage = null,
    [property: Id(6)] string? InboundKind = null)
{
    /// <summary>An image, or a voice note that came without a transcript: its reading runs an OCR or speech process.</summary>
    public bool NeedsMediaReader => Kind == FieldSourceKinds.Image || (Kind == FieldSourceKinds.Voice && Transcript is null);
}

/// <summary>What a <see cref="FieldSourceItem"/> is.</summary>
public static class FieldSourceKinds
{
    public const string Text = "text";
    public const string Image = "image";
    public const string Voice = "voice";
}
