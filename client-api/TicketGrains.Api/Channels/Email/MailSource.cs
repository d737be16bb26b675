using MimeKit;

namespace TicketGrains.Api.Channels.Email;

/// <summary>Who sent a received mail, as the e-mail channel treats it (ADR 0013's addendum).</summary>
public enum MailSender
{
    /// <summary>A person: the mail is stored and threaded as ever, and may open a ticket.</summary>
    Person,

    /// <summary>A machine answering or broadcasting (out-of-office, vacation, list): kept, joins a ticket it threads onto, opens none.</summary>
    Machine,

    /// <summary>A delivery status notification: it fails the reply it reports on, and is no message of anybody's.</summary>
    DeliveryReport,

    /// <summary>Ourselves: one of our channel addresses or a Message-ID we made. Dropped, since answering it would loop.</summary>
    Ourselves,
}

/// <summary>Sorts a received mail by <see cref="MailSender"/>: ourselves first (a loop), then a delivery report, then automatic mail. Pure.</summary>
public sealed record MailSource(MailSender Sender, string? Mark, DeliveryReport? Report)
{
    public static MailSource Of(MimeMessage message, string? envelopeSender, IReadOnlyList<string> ourAddresses)
    {
        var from = message.From.Mailboxes.Select(mailbox => mailbox.Address).Append(envelopeSender);
        if (from.FirstOrDefault(address => address is not null && ourAddresses.Contains(address.Trim(), StringComparer.OrdinalIgnoreCase)) is { } ours)
        {
            return new MailSource(MailSender.Ourselves, "sent from our channel address " + ours, null);
        }

        if (ourAddresses.Any(address => OutboundMailIds.MessageOf(message.MessageId, address) is not null))
        {
            return new MailSource(MailSender.Ourselves, "Message-ID of one of our replies: " + message.MessageId, null);
        }

        if (DeliveryReport.Of(message) is { } report)
        {
            return new MailSource(MailSender.DeliveryReport, "delivery status notification", report);
        }

        return AutomaticMail.MarkOf(message.Headers, envelopeSender is null) is { } mark
            ? new MailSource(MailSender.Machine, mark, null)
            : new MailSource(MailSender.Person, null, null);
    }
}
