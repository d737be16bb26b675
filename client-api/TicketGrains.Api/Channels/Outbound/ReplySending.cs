using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// One attempt at one reply: finds its channel and the sender registered for the channel's type, reads the reply from
/// the log and hands it over. Everything that goes wrong ends as a <see cref="SendOutcome"/> the delivery records.
/// </summary>
public sealed class ReplySending(IChannelDirectory directory, IEnumerable<IChannelSender> senders, ReplyReader reader)
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Type, StringComparer.Ordinal);

    public async Task<SendOutcome> AttemptAsync(QueuedReply reply, CancellationToken cancellationToken)
    {
        var channel = await directory.FindAsync(reply.ChannelId, cancellationToken);
        if (channel is null || channel.Tenant != reply.Tenant)
        {
            return SendOutcome.Failed("the channel the customer wrote on no longer exists", false);
        }

        if (!_senders.TryGetValue(channel.Type, out var sender))
        {
            return SendOutcome.Failed($"no sender for type {channel.Type}", false);
        }

        if (await reader.ReadAsync(reply) is not { } message)
        {
            return SendOutcome.Failed("the customer's personal data was erased", false);
        }

        try
        {
            return await sender.SendAsync(channel, message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A sender reports failures as outcomes; one that throws has met something unforeseen, which may pass.
            return SendOutcome.Failed($"the {channel.Type} sender failed: {e.Message}", true);
        }
    }
}
