namespace TicketGrains.Grains.Attachments;

/// <summary>What <see cref="AttachmentCheck"/> decided.</summary>
public abstract record AttachmentVerdict
{
    public const int Missing = 400;
    public const int TooLarge = 413;
    public const int UnsupportedType = 415;

    public sealed record Accepted(FileType Type) : AttachmentVerdict;

    /// <summary><paramref name="Status"/>: <see cref="Missing"/>, <see cref="TooLarge"/> or <see cref="UnsupportedType"/>.</summary>
    public sealed record Refused(int Status, string Detail) : AttachmentVerdict;
}
