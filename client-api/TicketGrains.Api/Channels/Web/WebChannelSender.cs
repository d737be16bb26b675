using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Grains.Encryption;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// "Sends" a reply on a web channel by keeping it for the visitor's widget (tg_web_conversation), sealed with the
/// customer's data key. The visitor is the one whose message the reply answers (the front of its platform message id,
/// "{visitorId}:{messageId}"), else the recipient when that is a visitor id. A retried send keeps nothing twice.
/// </summary>
public sealed class WebChannelSender(WebConversationStore store, IPersonalDataProtection protection, TimeProvider time) : IChannelSender
{
    public string Type => WebChannelAdapter.ChannelType;

    public async Task<SendOutcome> SendAsync(ChannelInfo channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var visitor = WebMessageRules.VisitorOf(message.InReplyTo) ?? (WebVisitorToken.IsVisitorId(message.RecipientId) ? message.RecipientId : null);
        if (visitor is null)
        {
            return SendOutcome.Failed("the reply answers no web visitor's message (its InReplyTo is not a web message id)", retryable: false);
        }

        try
        {
            if (await store.CustomerOfTicketAsync(channel.Tenant, message.TicketId, cancellationToken) is not { } customer)
            {
                return SendOutcome.Failed($"ticket {message.TicketId} does not exist", retryable: false);
            }

            using var cipher = await protection.ForWritingAsync(channel.Tenant, customer);
            var reply = new WebReply(message.MessageId, visitor, message.TicketId, customer, cipher.Seal(message.Text), time.GetUtcNow());
            await store.AddAsync(channel.Tenant, channel.Id, reply, cancellationToken);
            return SendOutcome.Delivered($"web:{message.MessageId:D}");
        }
        catch (StorageUnavailableException e)
        {
            return SendOutcome.Failed(e.Message, retryable: true);
        }
    }
}
