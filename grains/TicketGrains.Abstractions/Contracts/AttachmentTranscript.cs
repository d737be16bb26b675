namespace TicketGrains.Abstractions.Contracts;

/// <summary>
/// What a voice note says, as text: from the platform's own recogniser (WeChat's Recognition) or from the speech reader;
/// <see cref="Source"/> is recorded on every field proposed from it ("speech"), <see cref="Confidence"/> is 0..1.
/// </summary>
[GenerateSerializer, Immutable, Alias("TicketGrains.AttachmentTranscript")]
public sealed record class AttachmentTranscript(
    [property: Id(0)] string Text,
    [property: Id(1)] string Source,
    [property: Id(2)] double Confidence);
