using System.Collections.Concurrent;

namespace TicketGrains.Grains.OrderEvents;

/// <summary>The order-number index in memory, for grain tests on the in-memory event log (which adds the entries).</summary>
public sealed class InMemoryOrderTicketIndex : IOrderTicketIndex
{
    private readonly ConcurrentDictionary<(string Tenant, string OrderNo), List<Guid>> _tickets = new();

    public void Add(string tenant, string orderNo, Guid ticketId)
    {
        var tickets = _tickets.GetOrAdd((tenant, orderNo), _ => []);
        lock (tickets)
        {
            if (!tickets.Contains(ticketId))
            {
                tickets.Add(ticketId);
            }
        }
    }

    public Task<IReadOnlyList<Guid>> FindAsync(string tenant, string orderNo, CancellationToken cancellationToken)
    {
        if (!_tickets.TryGetValue((tenant, orderNo), out var tickets))
        {
            return Task.FromResult<IReadOnlyList<Guid>>([]);
        }

        lock (tickets)
        {
            return Task.FromResult<IReadOnlyList<Guid>>([.. tickets]);
        }
    }
}
