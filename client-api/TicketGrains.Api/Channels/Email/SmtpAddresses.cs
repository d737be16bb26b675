using SmtpServer.Mail;

namespace TicketGrains.Api.Channels.Email;

/// <summary>An SMTP envelope mailbox as an address; the null sender (<c>&lt;&gt;</c>, bounces) as none.</summary>
public static class SmtpAddresses
{
    public static string Of(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";

    public static string? SenderOf(IMailbox? mailbox) => string.IsNullOrEmpty(mailbox?.User) ? null : Of(mailbox);
}
