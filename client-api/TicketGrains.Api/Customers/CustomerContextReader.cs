using Npgsql;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Grains;
using TicketGrains.Api.Privacy;
using TicketGrains.Grains.EventLog;
using TicketGrains.Grains.ReadModel;

namespace TicketGrains.Api.Customers;

/// <summary>
/// Completes a customer's view with what the read model knows across its merged customers: the most recent tickets on
/// every channel (subjects opened), the order numbers its tickets carry, newest first, and the address of the newest of
/// its last few tickets that has an address field.
/// </summary>
public sealed class CustomerContextReader(ITicketReadModel readModel, NpgsqlDataSource database, IClusterClient cluster)
{
    public const int RecentTickets = 20;
    public const int Orders = 20;

    /// <summary>How many of the newest tickets are read whole for an address: each is a grain call.</summary>
    public const int AddressTickets = 5;

    public async Task<CustomerView> CompleteAsync(string tenant, CustomerView view)
    {
        var customers = new[] { view.Id }.Concat(view.MergedCustomers).ToArray();
        var tickets = new List<CustomerTicket>();
        foreach (var customer in customers)
        {
            TicketCursor? after = null;
            do
            {
                var page = await readModel.ListAsync(new TicketQuery(tenant, null, null, customer, null, after, 200));
                tickets.AddRange(page.Items.Select(i => new CustomerTicket
                {
                    Id = i.Row.TicketId, Channel = i.Row.Channel, Status = i.Row.Status, Subject = i.Row.Subject, CreatedAt = i.Row.CreatedAt,
                    UpdatedAt = i.Row.UpdatedAt,
                }));
                after = page.NextCursor is { } next && TicketCursor.TryDecode(next, out var cursor) ? cursor : null;
            }
            while (after is not null);
        }

        var orders = await OrdersAsync(tenant, customers);
        var recent = tickets.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id).Take(RecentTickets).ToList();
        return view with
        {
            RecentTickets = recent,
            OrdersMentioned = orders,
            LastOrderNo = orders.Count > 0 ? orders[0] : null,
            Address = await AddressAsync(tenant, recent.OrderByDescending(t => t.CreatedAt).Take(AddressTickets)),
        };
    }

    private async Task<string?> AddressAsync(string tenant, IEnumerable<CustomerTicket> newest)
    {
        foreach (var ticket in newest)
        {
            var fields = (await cluster.Reference<ITicketGrain>(GrainKeys.For(tenant, ticket.Id)).GetAsync()).Fields;
            if (fields.FirstOrDefault(f => FieldMask.IsAddress(f.Key)) is { Value: { } address })
            {
                return address;
            }
        }

        return null;
    }

    /// <summary>
    /// The order numbers of the customers' tickets (tg_order_tickets), the most recently mentioned first: by when the
    /// ticket was filed under the number, which for a number filled or corrected later is later than the ticket's creation.
    /// </summary>
    private Task<IReadOnlyList<string>> OrdersAsync(string tenant, Guid[] customers) => StorageErrors.Guard(async () =>
    {
        await using var command = database.CreateCommand(
            "SELECT o.order_no FROM tg_order_tickets o JOIN tg_tickets t ON t.tenant_id = o.tenant_id AND t.ticket_id = o.ticket_id "
            + "WHERE o.tenant_id = $1 AND t.customer_id = ANY($2) GROUP BY o.order_no ORDER BY max(o.created_at) DESC, o.order_no LIMIT $3");
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(customers);
        command.Parameters.AddWithValue(Orders);
        var orders = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            orders.Add(reader.GetString(0));
        }

        return (IReadOnlyList<string>)orders;
    });
}
