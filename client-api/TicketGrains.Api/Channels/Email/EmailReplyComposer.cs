using System.Text;
using MimeKit;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// An agent's reply as a mail: from the channel's address to the customer, threaded under the customer's mail
/// (In-Reply-To the customer's last mail, References its thread), the ticket tag in the subject, UTF-8 throughout. Its
/// Message-ID derives from the outbound message id, so a retried send is recognisably the same mail. A reply no person
/// wrote (a rule's, a surge notice) carries <c>Auto-Submitted: auto-generated</c> (RFC 3834) and asks Exchange for no
/// automatic answer (<c>X-Auto-Response-Suppress: All</c>); an agent's carries neither, being a person's mail.
/// </summary>
public static class EmailReplyComposer
{
    public static MimeMessage Compose(ChannelInfo channel, OutboundMessage reply, DateTimeOffset date)
    {
        var address = channel.Settings[EmailSettings.Address];
        var message = new MimeMessage
        {
            MessageId = OutboundMailIds.For(reply.MessageId, address),
            Subject = Subject(reply.Subject, reply.TicketId),
            Date = date,
        };
        message.From.Add(new MailboxAddress(channel.Name, address));
        message.To.Add(MailboxAddress.Parse(reply.RecipientId));
        if (MessageIds.IsHeaderId(reply.InReplyTo))
        {
            message.InReplyTo = reply.InReplyTo;
        }

        foreach (var id in reply.References.Append(reply.InReplyTo ?? "").Where(MessageIds.IsHeaderId).Distinct(StringComparer.Ordinal))
        {
            message.References.Add(id);
        }

        if (reply.Automatic)
        {
            // auto-generated, not auto-replied: the rule may have fired on anything (an order event, a time rule), not on this mail.
            message.Headers.Add("Auto-Submitted", "auto-generated");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        // Base64: the text is mostly not ASCII, and no relay on the way may assume 8BITMIME.
        var body = new TextPart("plain") { ContentTransferEncoding = ContentEncoding.Base64 };
        body.SetText(Encoding.UTF8, reply.Text);
        message.Body = body;
        return message;
    }

    /// <summary>"Re: " and the customer's subject without earlier "Re:"s or tags, then this ticket's tag.</summary>
    public static string Subject(string? subject, Guid ticketId)
    {
        var bare = EmailTicketReference.Strip(subject ?? "");
        while (bare.StartsWith("re:", StringComparison.OrdinalIgnoreCase))
        {
            bare = bare[3..].TrimStart();
        }

        var tag = EmailTicketReference.Tag(ticketId);
        return bare.Length == 0 ? $"Re: {tag}" : $"Re: {bare} {tag}";
    }
}
