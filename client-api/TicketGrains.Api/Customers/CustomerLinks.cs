using TicketGrains.Abstractions.Catalog;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Tickets;

namespace TicketGrains.Api.Customers;

/// <summary>What a ticket created through the API gives the linker about its customer.</summary>
public static class CustomerLinks
{
    public static ContactEvidence Evidence(CreateTicketValidator.Valid ticket, Guid customerId) => new()
    {
        CustomerId = customerId,
        Channel = ticket.Customer.Channel,
        ExternalId = ticket.Customer.ExternalId,
        Phone = ticket.Customer.Phone,
        Email = ticket.Customer.Email,
        OrderNo = ticket.Fields.GetValueOrDefault(OrderEventTypes.OrderNoField),
        Text = $"{ticket.Subject}\n{ticket.Body}",
    };
}
