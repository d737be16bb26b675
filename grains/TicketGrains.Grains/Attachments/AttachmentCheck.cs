namespace TicketGrains.Grains.Attachments;

/// <summary>
/// Whether a file may be stored: its type from its magic bytes (<see cref="FileTypes"/>), then the size limit of that
/// type's kind. Pure; the refusal says which, with the status an API answers it with.
/// </summary>
public static class AttachmentCheck
{
    public static AttachmentVerdict Check(ReadOnlySpan<byte> content, AttachmentOptions limits)
    {
        if (content.Length == 0)
        {
            return new AttachmentVerdict.Refused(AttachmentVerdict.Missing, "The file is empty.");
        }

        if (FileTypes.Sniff(content) is not { } type)
        {
            return new AttachmentVerdict.Refused(AttachmentVerdict.UnsupportedType,
                $"The file's content is not a type accepted ({string.Join(", ", FileTypes.Accepted)}); its declared type and name are not trusted.");
        }

        var max = limits.MaxBytesFor(type.Kind);
        return content.Length > max
            ? new AttachmentVerdict.Refused(AttachmentVerdict.TooLarge, $"The file is {type.Name} ({type.Kind}) of {content.Length} bytes; at most {max} bytes are accepted for that kind.")
            : new AttachmentVerdict.Accepted(type);
    }
}
