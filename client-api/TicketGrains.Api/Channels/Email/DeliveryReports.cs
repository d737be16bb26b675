using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Privacy;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// A delivery status notification received by a channel: when it reports a failure of a reply the channel sent, that
/// reply becomes failed with the report's status and diagnostic as its reason. Nothing else of it is kept: it is nobody's
/// message. Every report leaves a log line saying what it changed, so one that matched nothing is still seen. A reply it
/// fails gets its second outcome recorded through a silo (<see cref="SiloReplyBounces"/>), so the webhooks of
/// <c>message.delivery</c> hear of the bounce as they heard of the sending, whether the SMTP listener runs in a silo
/// co-hosting the API (./run.sh) or in a stand-alone front end (deploy/k8s/api.yaml with its listener turned on).
/// </summary>
public sealed class DeliveryReports(ISentReplies replies, IReplyBounces bounces, TimeProvider time, ILogger<DeliveryReports> logger)
{
    public async Task ApplyAsync(DeliveryReport report, string? reportId, IReadOnlyList<ChannelInfo> channels, CancellationToken cancellationToken)
    {
        foreach (var channel in channels)
        {
            var reply = OutboundMailIds.FirstOf(report.ReportedMessageIds, channel.Settings[EmailSettings.Address]);
            if (reply is null || !report.Failed)
            {
                logger.LogWarning("Delivery report {Report} to channel {Channel} ({Action}, {Reason}) names no reply of the channel's that failed; nothing changed",
                    reportId, channel.Id, report.Action ?? "no action", FreeTextMask.Mask(report.Reason));
                continue;
            }

            var bounced = await replies.FailSentAsync(channel.Tenant, reply.Value, report.Reason, time.GetUtcNow(), cancellationToken);
            if (bounced is null)
            {
                logger.LogWarning("Delivery report {Report} to channel {Channel} names reply {Reply}, which is not a sent reply of the tenant's; nothing changed ({Reason})",
                    reportId, channel.Id, reply, FreeTextMask.Mask(report.Reason));
                continue;
            }

            logger.LogInformation("Reply {Reply} of ticket {Ticket} bounced: {Reason}", reply, bounced.TicketId, FreeTextMask.Mask(report.Reason));
            await RecordBounceAsync(channel.Tenant, reply.Value, bounced, report.Reason);
        }
    }

    /// <summary>
    /// A failure is logged, not thrown: the reply's state is already stored and the report is answered 250, so only the
    /// webhook is missed.
    /// </summary>
    private async Task RecordBounceAsync(string tenant, Guid messageId, BouncedReply reply, string reason)
    {
        var bounce = new ReplyBounce(tenant, reply.TicketId, messageId, reply.ChannelId, reply.Attempts, reply.PlatformMessageId,
            FreeTextMask.Mask(reason));
        try
        {
            await bounces.RecordAsync(bounce);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The bounce of reply {Reply} of ticket {Ticket} was not recorded for webhooks", messageId, reply.TicketId);
        }
    }
}
