using System.Security.Cryptography;
using System.Text;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Grains.Channels.Outbound;

/// <summary>Decides whether a new ticket message is a reply to send, and where: pure, from the ticket's state.</summary>
public static class ReplyRoutes
{
    /// <summary>
    /// A public message by anyone but the customer, on a ticket a channel message reached, goes back through the channel
    /// the customer last wrote on; internal notes and tickets opened through the API send nothing.
    /// </summary>
    public static ReplyRoute? For(TicketState state, string author, bool isInternal) =>
        isInternal || author == TicketDecisions.Customer || state.LastInbound is not { } last
            ? null
            : new ReplyRoute(MessageId(state.Id, state.Version + 1), last.ChannelId, last.Message, state.CustomerId);

    /// <summary>The outbound message id of the reply at a ticket version: derived, so deciding it again gives the same id.</summary>
    public static Guid MessageId(Guid ticketId, int version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"outbound-reply\n{ticketId:D}\n{version}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
