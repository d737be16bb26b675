using TicketGrains.Grains.Channels;
using TicketGrains.Grains.Encryption;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.Tickets;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Puts a queued reply together from the event log, where its parts stay sealed: the text from the reply's
/// <see cref="MessageAdded"/>, the recipient and what it answers from the customer's <see cref="InboundMessageReceived"/>.
/// </summary>
public sealed class ReplyReader(IEventLog log, IPersonalDataProtection protection)
{
    /// <summary>The message to send; null when the customer's personal data was erased (there is nobody left to send to).</summary>
    public async Task<OutboundMessage?> ReadAsync(QueuedReply reply)
    {
        var added = (MessageAdded)await EventAsync(reply.Tenant, StreamIds.Ticket(reply.TicketId), reply.TicketVersion);
        var received = (InboundMessageReceived)await EventAsync(reply.Tenant, reply.InboundStream, 1);
        var text = await OpenAsync(reply.Tenant, reply.CustomerId, added.Body);
        var json = await OpenAsync(reply.Tenant, received.CustomerId, received.Content);
        if (text == PersonalData.Erased || json == PersonalData.Erased)
        {
            return null;
        }

        var answered = InboundContent.FromJson(json);
        return new OutboundMessage(reply.MessageId, reply.TicketId, answered.SenderId, text, answered.Subject, answered.PlatformMessageId)
        {
            ThreadKey = answered.ThreadKey,
            References = [.. answered.InReplyTo],
            Automatic = AutomaticReplies.IsAutomatic(added.Actor),
        };
    }

    private async Task<IDomainEvent> EventAsync(string tenant, string streamId, int version) =>
        (await log.ReadStreamAsync(tenant, streamId, version - 1)).FirstOrDefault(e => e.Version == version) is { } stored
            ? EventSerializer.Deserialize(stored.EventType, stored.Json)
            : throw new InvalidOperationException($"Version {version} of {streamId} is not in the event log.");

    private async Task<string> OpenAsync(string tenant, Guid customer, string sealedValue)
    {
        using var cipher = await protection.ForReadingAsync(tenant, customer);
        return cipher.Open(sealedValue);
    }
}
