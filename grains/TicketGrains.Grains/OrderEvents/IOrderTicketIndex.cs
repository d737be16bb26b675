namespace TicketGrains.Grains.OrderEvents;

/// <summary>Which tickets of a tenant carry an order number in their orderNo field.</summary>
public interface IOrderTicketIndex
{
    /// <summary>Records that the ticket carries the order number; repeating it is harmless.</summary>
    Task AddAsync(string tenant, string orderNo, Guid ticketId);

    /// <summary>The tickets recorded for the order number, oldest first.</summary>
    Task<IReadOnlyList<Guid>> FindAsync(string tenant, string orderNo, CancellationToken cancellationToken);
}
