using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels.Outbound;

/// <summary>A local worker on whichever silo answers: appends a bounced reply's second outcome to the event log.</summary>
[StatelessWorker]
public sealed class ReplyOutcomeGrain(IEventLog log, TimeProvider time, ILogger<ReplyOutcomeGrain> logger) : Grain, IReplyOutcomeGrain
{
    public Task RecordBounceAsync(ReplyBounce bounce) => ReplyOutcomeLog.AppendAsync(log, bounce.Tenant, ReplyOutcomeLog.Bounced,
        new ReplyDelivered(bounce.TicketId, bounce.MessageId, bounce.ChannelId, MessageDelivery.Failed, bounce.Attempts, bounce.PlatformMessageId,
            bounce.MaskedReason, time.GetUtcNow()), logger);
}
