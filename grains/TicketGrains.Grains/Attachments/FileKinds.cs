namespace TicketGrains.Grains.Attachments;

/// <summary>The kinds files are limited by: each has its own largest size (<see cref="AttachmentOptions"/>).</summary>
public static class FileKinds
{
    public const string Image = "image";
    public const string Audio = "audio";
    public const string Video = "video";
    public const string Document = "document";
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [Image, Audio, Video, Document, Text];
}
