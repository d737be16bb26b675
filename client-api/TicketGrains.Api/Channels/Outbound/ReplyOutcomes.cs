using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Privacy;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Records a reply's outcomes in the event log (<see cref="ReplyDelivered"/> on the reply's own stream), where the
/// webhooks subscriber finds them (<c>message.delivery</c>): its final outcome from sending as version 1, and a bounce
/// that failed it after it was sent as version 2. Written after the outbox row: a failure here loses the webhook, never
/// the reply's state; a repeat is a conflict and records nothing.
/// </summary>
public sealed class ReplyOutcomes(IEventLog log, TimeProvider time, ILogger<ReplyOutcomes> logger)
{
    public Task RecordAsync(QueuedReply reply, ReplyDelivery final) =>
        AppendAsync(reply.Tenant, 1, new ReplyDelivered(reply.TicketId, reply.MessageId, reply.ChannelId, final.State, final.Attempts,
            final.PlatformMessageId, Masked(final.Reason), time.GetUtcNow()));

    /// <summary>A sent reply failed afterwards (a delivery report returned it): its second outcome, failed with the report's reason.</summary>
    public Task RecordBounceAsync(string tenant, Guid messageId, BouncedReply reply, string reason) =>
        AppendAsync(tenant, 2, new ReplyDelivered(reply.TicketId, messageId, reply.ChannelId, MessageDelivery.Failed, reply.Attempts,
            reply.PlatformMessageId, Masked(reason), time.GetUtcNow()));

    // The reason is kept as the API shows it without pii:read: a mail server's refusal may quote the address.
    private static string? Masked(string? reason) => reason is null ? null : FreeTextMask.Mask(reason);

    private async Task AppendAsync(string tenant, int version, ReplyDelivered outcome)
    {
        try
        {
            await log.AppendAsync(new AppendRequest(tenant, ReplyStreams.For(outcome.TicketId, outcome.MessageId), version,
                EventSerializer.TypeName(outcome), EventSerializer.Serialize(outcome), null));
        }
        catch (ConflictException)
        {
            // Recorded before.
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The outcome of reply {Message} of ticket {Ticket} ({State}) was not recorded for webhooks", outcome.MessageId, outcome.TicketId,
                outcome.State);
        }
    }
}
