using System.Security.Cryptography;
using MimeKit;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// One received mail (RFC 5322 + MIME, any charset) as an <see cref="InboundMessage"/>. Pure: the raw bytes, the SMTP
/// envelope's sender and the receiving time in, the normalised message out.
/// </summary>
public static class EmailMessageReader
{
    /// <summary>The prefix of the id of a mail without Message-ID: the SHA-256 of its raw bytes, so resends still de-duplicate.</summary>
    public const string HashIdPrefix = "sha256:";

    /// <summary>Reads the mail; throws <see cref="FormatException"/> when it names no sender at all.</summary>
    public static InboundMessage Read(byte[] raw, string? envelopeSender, DateTimeOffset receivedAt) => Read(Load(raw), raw, envelopeSender, receivedAt);

    public static MimeMessage Load(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return MimeMessage.Load(stream);
    }

    /// <summary>Reads the mail <paramref name="message"/> was loaded from (<paramref name="raw"/>, hashed when it has no Message-ID).</summary>
    public static InboundMessage Read(MimeMessage message, byte[] raw, string? envelopeSender, DateTimeOffset receivedAt)
    {
        var from = message.From.Mailboxes.FirstOrDefault();
        var sender = from?.Address ?? envelopeSender;
        if (string.IsNullOrWhiteSpace(sender))
        {
            throw new FormatException("The mail has no From address and the envelope no sender.");
        }

        var id = string.IsNullOrWhiteSpace(message.MessageId) ? HashIdPrefix + Convert.ToHexStringLower(SHA256.HashData(raw)) : message.MessageId;
        var text = EmailBody.Text(message);
        var attachments = EmailBody.Attachments(message);
        return new InboundMessage
        {
            PlatformMessageId = id,
            SenderId = sender.Trim().ToLowerInvariant(),
            SenderName = string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            Kind = text is null && attachments.Count > 0 ? InboundKinds.File : InboundKinds.Text,
            SentAt = message.Headers.Contains(HeaderId.Date) ? message.Date : receivedAt,
            Subject = string.IsNullOrWhiteSpace(message.Subject) ? null : message.Subject.Trim(),
            Text = text,
            ThreadKey = EmailThreading.ThreadKey(message, id),
            InReplyTo = EmailThreading.Answered(message),
            Attachments = attachments,
        };
    }
}
