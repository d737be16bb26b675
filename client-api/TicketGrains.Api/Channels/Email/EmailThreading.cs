using MimeKit;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.Email;

/// <summary>Where a mail sits in its conversation, from its Message-ID, In-Reply-To, References and subject.</summary>
public static class EmailThreading
{
    /// <summary>The messages it answers, oldest first and newest last: References in order, then In-Reply-To.</summary>
    public static IReadOnlyList<string> Answered(MimeMessage message)
    {
        var answered = message.References.Where(id => id != message.InReplyTo).ToList();
        if (!string.IsNullOrEmpty(message.InReplyTo))
        {
            answered.Add(message.InReplyTo);
        }

        return answered.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The ticket the subject names (<c>ticket:&lt;id&gt;</c>) when it carries a tag, else the thread's first message:
    /// the first of References, else In-Reply-To, else the mail's own id (it starts a thread).
    /// </summary>
    public static string ThreadKey(MimeMessage message, string platformMessageId)
    {
        if (EmailTicketReference.Find(message.Subject) is { } ticketId)
        {
            return TicketThreadKeys.For(ticketId);
        }

        if (message.References.Count > 0)
        {
            return message.References[0];
        }

        return string.IsNullOrEmpty(message.InReplyTo) ? platformMessageId : message.InReplyTo;
    }
}
