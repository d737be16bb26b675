using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Privacy;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Records a reply's final outcome in the event log (<see cref="ReplyDelivered"/>, version 1 of its own stream), where the
/// webhooks subscriber finds it (<c>message.delivery</c>). Written after the outbox row: a failure here loses the
/// webhook, never the reply's state; a repeat is a conflict and records nothing.
/// </summary>
public sealed class ReplyOutcomes(IEventLog log, TimeProvider time, ILogger<ReplyOutcomes> logger)
{
    public async Task RecordAsync(QueuedReply reply, ReplyDelivery final)
    {
        // The reason is kept as the API shows it without pii:read: a mail server's refusal may quote the address.
        var outcome = new ReplyDelivered(reply.TicketId, reply.MessageId, reply.ChannelId, final.State, final.Attempts, final.PlatformMessageId,
            final.Reason is null ? null : FreeTextMask.Mask(final.Reason), time.GetUtcNow());
        try
        {
            await log.AppendAsync(new AppendRequest(reply.Tenant, ReplyStreams.For(reply.TicketId, reply.MessageId), 1,
                EventSerializer.TypeName(outcome), EventSerializer.Serialize(outcome), null));
        }
        catch (ConflictException)
        {
            // Recorded before.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The outcome of reply {Message} of ticket {Ticket} ({State}) was not recorded for webhooks", reply.MessageId, reply.TicketId, final.State);
        }
    }
}
