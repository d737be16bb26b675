using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.EventLog;

namespace TicketGrains.Grains.Channels.Outbound;

/// <summary>
/// Appends a reply's outcome to its own stream (<see cref="ReplyStreams"/>): version 1 when its delivery ended, version 2
/// when a delivery report later failed a sent reply. An outcome recorded before (a retry, a report received twice) is a
/// conflict and changes nothing. A failed append is logged, not thrown: the reply's state is already stored, and only
/// the webhooks of <c>message.delivery</c> miss it.
/// </summary>
public static class ReplyOutcomeLog
{
    public const int Delivered = 1;
    public const int Bounced = 2;

    public static async Task AppendAsync(IEventLog log, string tenant, int version, ReplyDelivered outcome, ILogger logger)
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
            logger.LogWarning(e, "The outcome of reply {Message} of ticket {Ticket} ({State}) was not recorded for webhooks", outcome.MessageId,
                outcome.TicketId, outcome.State);
        }
    }
}
