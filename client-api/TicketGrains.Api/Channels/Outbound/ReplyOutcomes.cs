using TicketGrains.Api.Privacy;
using TicketGrains.Grains.Channels.Outbound;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// Records a reply's final outcome from sending in the event log (<see cref="ReplyDelivered"/> version 1 on the reply's
/// own stream), where the webhooks subscriber finds it (<c>message.delivery</c>). Written after the outbox row: a failure
/// here loses the webhook, never the reply's state. A bounce that fails it later is version 2, recorded through
/// <see cref="TicketGrains.Abstractions.Grains.IReplyOutcomeGrain"/> by whichever host received the report.
/// </summary>
public sealed class ReplyOutcomes(IEventLog log, TimeProvider time, ILogger<ReplyOutcomes> logger)
{
    public Task RecordAsync(QueuedReply reply, ReplyDelivery final) =>
        ReplyOutcomeLog.AppendAsync(log, reply.Tenant, ReplyOutcomeLog.Delivered, new ReplyDelivered(reply.TicketId, reply.MessageId, reply.ChannelId,
            final.State, final.Attempts, final.PlatformMessageId, Masked(final.Reason), time.GetUtcNow()), logger);

    // The reason is kept as the API shows it without pii:read: a platform's refusal may quote an address.
    private static string? Masked(string? reason) => reason is null ? null : FreeTextMask.Mask(reason);
}
