namespace TicketGrains.Grains.OrderEvents;

/// <summary>
/// Which tickets of a tenant carry an order number in their orderNo field. Entries are written by the event log with
/// the ticket's creation (<see cref="EventLog.AppendRequest.OrderNo"/>), so no ticket is missing from the index and no
/// entry points at a ticket that was never created.
/// </summary>
public interface IOrderTicketIndex
{
    /// <summary>The tickets recorded for the order number, oldest first.</summary>
    Task<IReadOnlyList<Guid>> FindAsync(string tenant, string orderNo, CancellationToken cancellationToken);
}
