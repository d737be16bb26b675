using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// An automatic mail as a channel stores it: marked with what made it automatic, its files left out (a signature's logo,
/// the quoted mail: nothing a ticket needs, and no ticket may be there to hold them), and naming the ticket of the reply
/// of ours it answers when its subject carries no ticket tag (a vacation notice with a subject of its own).
/// </summary>
public sealed class AutomaticMessages(ISentReplies replies)
{
    public async Task<InboundMessage> ForChannelAsync(InboundMessage message, string mark, ChannelInfo channel, CancellationToken cancellationToken)
    {
        var marked = message with { Automatic = mark, Attachments = [], Kind = InboundKinds.Text };
        if (TicketThreadKeys.TicketOf(message.ThreadKey) is not null
            || OutboundMailIds.FirstOf(message.InReplyTo.Reverse(), channel.Settings[EmailSettings.Address]) is not { } answered)
        {
            return marked;
        }

        return await replies.TicketOfAsync(channel.Tenant, answered, cancellationToken) is { } ticket
            ? marked with { ThreadKey = TicketThreadKeys.For(ticket) }
            : marked;
    }
}
