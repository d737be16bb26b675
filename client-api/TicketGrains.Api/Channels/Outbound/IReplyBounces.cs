using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>Where a bounced reply's second outcome is recorded, so the webhooks of <c>message.delivery</c> hear of it.</summary>
public interface IReplyBounces
{
    Task RecordAsync(ReplyBounce bounce);
}
