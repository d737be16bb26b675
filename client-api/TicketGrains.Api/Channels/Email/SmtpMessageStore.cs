using System.Buffers;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Turns a received mail into an inbound message and hands it to the inbound acceptor for each channel it was addressed
/// to. The sender is told 250 only once every acceptor call returned, i.e. the mail is durable; any failure there is a
/// temporary 451 so the sending server keeps the mail and tries again (a repeat is de-duplicated by its Message-ID).
/// </summary>
public sealed class SmtpMessageStore(
    IChannelDirectory directory, IInboundAcceptor acceptor, TimeProvider time, ILogger<SmtpMessageStore> logger) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        InboundMessage message;
        try
        {
            message = EmailMessageReader.Read(buffer.ToArray(), SmtpAddresses.SenderOf(transaction.From), time.GetUtcNow());
        }
        catch (FormatException e)
        {
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 " + e.Message);
        }

        try
        {
            var channels = await RecipientChannelsAsync(transaction, cancellationToken);
            if (channels.Count == 0)
            {
                // Every recipient's channel went away between RCPT and the end of the data: its next try gets 550.
                return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 recipient no longer configured, try again");
            }

            foreach (var channel in channels)
            {
                await acceptor.AcceptAsync(channel, [message], cancellationToken);
            }

            return new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 stored");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Timeouts included: anything but a 4xx here would make the sending server bounce the mail for good.
            logger.LogWarning(e, "Mail {MessageId} was not stored; the sender is told to try again", message.PlatformMessageId);
            return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 not stored, try again later");
        }
    }

    private async Task<IReadOnlyList<ChannelInfo>> RecipientChannelsAsync(IMessageTransaction transaction, CancellationToken cancellationToken)
    {
        var channels = await directory.OfTypeAsync(EmailChannelAdapter.ChannelType, cancellationToken);
        return transaction.To
            .SelectMany(to => EmailRecipients.ChannelsOf(channels, SmtpAddresses.Of(to)))
            .DistinctBy(channel => channel.Id)
            .ToList();
    }
}
