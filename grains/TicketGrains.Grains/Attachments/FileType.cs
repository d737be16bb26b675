namespace TicketGrains.Grains.Attachments;

/// <summary>
/// A kind of file the content's magic bytes identify: <see cref="Name"/> (jpeg, pdf, amr …), the media type a download
/// is served with, and the <see cref="Kind"/> whose size limit applies (<see cref="FileKinds"/>).
/// </summary>
public sealed record FileType(string Name, string ContentType, string Kind);
