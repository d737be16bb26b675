using TicketGrains.Abstractions.Contracts;

namespace TicketGrains.Api.Channels.Outbound;

/// <summary>
/// A ticket as read through the API, its replies with their delivery states from the outbox. The ticket itself knows
/// only that a reply was queued: attempts and outcomes are not ticket events, so sending never bumps its version.
/// </summary>
public static class ReplyDeliveries
{
    public static async Task<TicketView> WithDeliveriesAsync(this ReplyStore store, TicketView ticket, CancellationToken cancellationToken)
    {
        if (!ticket.Messages.Any(m => m.Delivery is not null))
        {
            return ticket;
        }

        var deliveries = await store.OfTicketAsync(ticket.TenantId, ticket.Id, cancellationToken);
        return ticket with
        {
            Messages = [.. ticket.Messages.Select(m => m.Delivery is { } queued && deliveries.TryGetValue(queued.MessageId, out var stored) ? m with { Delivery = stored } : m)],
        };
    }
}
