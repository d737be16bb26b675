using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Accepts a recipient at RCPT only when exactly one e-mail channel has that address: other recipients get 550 before a
/// byte of the mail is sent. The channel directory failing is a temporary 451, so the sending server tries again.
/// </summary>
public sealed class SmtpRecipientFilter(IChannelDirectory directory, ILogger<SmtpRecipientFilter> logger) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = SmtpAddresses.Of(to);
        IReadOnlyList<ChannelInfo> channels;
        try
        {
            channels = EmailRecipients.ChannelsOf(await directory.OfTypeAsync(EmailChannelAdapter.ChannelType, cancellationToken), address);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The channel directory failed while checking the recipient {Recipient}", address);
            throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 recipient cannot be checked now, try again later"));
        }

        if (channels.Count > 1)
        {
            // Delivering to all would hand one shop's mail to another that configured the same address.
            logger.LogError("The address {Recipient} is configured on {Count} e-mail channels; its mail is deferred until one remains", address, channels.Count);
            throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 mailbox temporarily unavailable"));
        }

        return channels.Count == 1;
    }
}
