using TicketGrains.Api.Channels.Inbound;
using TicketGrains.Api.Channels.Outbound;
using TicketGrains.Api.Privacy;

namespace TicketGrains.Api.Channels.Email;

/// <summary>
/// A delivery status notification received by a channel: when it reports a failure of a reply the channel sent, that
/// reply becomes failed with the report's status and diagnostic as its reason. Nothing else of it is kept: it is nobody's
/// message. Every report leaves a log line saying what it changed, so one that matched nothing is still seen. A reply it
/// fails gets its second outcome recorded (<see cref="ReplyOutcomes"/>), so the webhooks of <c>message.delivery</c> hear
/// of the bounce as they heard of the sending. Only a host with the event log records it: a silo co-hosting the API, as
/// ./run.sh runs the SMTP listener; a stand-alone front end (deploy/k8s/api.yaml, if its SMTP listener is turned on) and
/// the SMTP tests' host change the state alone.
/// </summary>
public sealed class DeliveryReports(ISentReplies replies, TimeProvider time, ILogger<DeliveryReports> logger, ReplyOutcomes? outcomes = null)
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
            await (outcomes?.RecordBounceAsync(channel.Tenant, reply.Value, bounced, report.Reason) ?? Task.CompletedTask);
        }
    }
}
