using System.Buffers;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// Turns a received mail into an inbound message and hands it to the inbound acceptor for each channel it was addressed
/// to. The sender is told 250 only once every acceptor call returned, i.e. the mail is durable; any failure there is a
/// temporary 451 so the sending server keeps the mail and tries again (a repeat is de-duplicated by its Message-ID).
/// Mail no person wrote is sorted first (<see cref="MailSource"/>): our own mail back is dropped with a log line, a
/// delivery report fails the reply it reports on, automatic mail is stored marked so that it opens no ticket.
/// </summary>
public sealed class SmtpMessageStore(
    IChannelDirectory directory, IInboundAcceptor acceptor, AutomaticMessages automatic, DeliveryReports reports, TimeProvider time,
    ILogger<SmtpMessageStore> logger) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var raw = buffer.ToArray();
        var sender = SmtpAddresses.SenderOf(transaction.From);
        MimeMessage mail;
        try
        {
            mail = EmailMessageReader.Load(raw);
        }
        catch (FormatException e)
        {
            // A mail MimeKit cannot parse at all is refused for good, as before the sorting: a retry would not parse either.
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 " + e.Message);
        }

        try
        {
            var all = await directory.OfTypeAsync(EmailChannelAdapter.ChannelType, cancellationToken);
            var channels = transaction.To.SelectMany(to => EmailRecipients.ChannelsOf(all, SmtpAddresses.Of(to))).DistinctBy(channel => channel.Id).ToList();
            if (channels.Count == 0)
            {
                // Every recipient's channel went away between RCPT and the end of the data: its next try gets 550.
                return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 recipient no longer configured, try again");
            }

            var source = MailSource.Of(mail, sender, [.. all.Select(channel => channel.Settings.GetValueOrDefault(EmailSettings.Address)).OfType<string>()]);
            switch (source.Sender)
            {
                case MailSender.Ourselves:
                    // Accepted, so the sending server does not retry; storing it could answer ourselves for ever.
                    logger.LogWarning("Mail {MessageId} to channel {Channel} dropped: {Why}", mail.MessageId, channels[0].Id, source.Mark);
                    return new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 dropped: our own mail");
                case MailSender.DeliveryReport:
                    await reports.ApplyAsync(source.Report!, mail.MessageId, channels, cancellationToken);
                    return new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 delivery report recorded");
                default:
                    return await StoreAsync(mail, raw, sender, source, channels, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Timeouts included: anything but a 4xx here would make the sending server bounce the mail for good.
            logger.LogWarning(e, "Mail {MessageId} was not stored; the sender is told to try again", mail.MessageId);
            return new SmtpResponse(SmtpReplyCode.Aborted, "4.3.0 not stored, try again later");
        }
    }

    private async Task<SmtpResponse> StoreAsync(
        MimeMessage mail, byte[] raw, string? sender, MailSource source, IReadOnlyList<ChannelInfo> channels, CancellationToken cancellationToken)
    {
        InboundMessage message;
        try
        {
            message = EmailMessageReader.Read(mail, raw, sender, time.GetUtcNow());
        }
        catch (FormatException e)
        {
            return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.6.0 " + e.Message);
        }

        foreach (var channel in channels)
        {
            var stored = source.Mark is { } mark ? await automatic.ForChannelAsync(message, mark, channel, cancellationToken) : message;
            await acceptor.AcceptAsync(channel, [stored], cancellationToken);
        }

        return new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 stored");
    }
}
