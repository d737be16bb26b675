using MimeKit;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>What a mail says and carries: its text (plain preferred, else its HTML made readable) and its files.</summary>
public static class EmailBody
{
    /// <summary>The body text with line ends as <c>\n</c>, trimmed; null when the mail has no text part.</summary>
    public static string? Text(MimeMessage message)
    {
        var text = message.TextBody is { } plain ? plain : message.HtmlBody is { } html ? HtmlText.From(html) : null;
        var trimmed = text?.ReplaceLineEndings("\n").Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// Every part that is not one of the body's texts: parts marked as attachments, inline images and other non-text
    /// parts, and attached messages, in the order they appear.
    /// </summary>
    public static IReadOnlyList<InboundAttachment> Attachments(MimeMessage message)
    {
        var attachments = new List<InboundAttachment>();
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case TextPart text when !text.IsAttachment:
                    break;
                case MimePart part:
                    attachments.Add(new InboundAttachment(NameOf(part, attachments.Count), part.ContentType.MimeType.ToLowerInvariant(), Decoded(part)));
                    break;
                case MessagePart attached:
                    attachments.Add(new InboundAttachment(NameOf(attached, attachments.Count), "message/rfc822", Raw(attached)));
                    break;
            }
        }

        return attachments;
    }

    private static string NameOf(MimeEntity entity, int index) =>
        entity.ContentDisposition?.FileName ?? entity.ContentType.Name ?? $"attachment-{index + 1}";

    private static byte[] Decoded(MimePart part)
    {
        using var bytes = new MemoryStream();
        part.Content?.DecodeTo(bytes);
        return bytes.ToArray();
    }

    private static byte[] Raw(MessagePart attached)
    {
        using var bytes = new MemoryStream();
        attached.Message?.WriteTo(bytes);
        return bytes.ToArray();
    }
}
