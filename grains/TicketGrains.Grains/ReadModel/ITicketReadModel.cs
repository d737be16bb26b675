using TicketGrains.Abstractions.Contracts;
using TicketGrains.Grains.Sla;

namespace TicketGrains.Grains.ReadModel;

/// <summary>Queries over the read model (tg_tickets).</summary>
public interface ITicketReadModel
{
    Task<TicketPage> ListAsync(TicketQuery query);

    /// <summary>Unassigned new/open tickets of one queue, so a queue grain can rebuild after a restart.</summary>
    Task<IReadOnlyList<QueuedTicket>> WaitingInQueueAsync(string tenantId, string queue, int limit);

    Task<IReadOnlyList<Guid>> OpenTicketsOfCustomerAsync(string tenantId, Guid customerId);

    /// <summary>New or open tickets assigned to the agent with their channels: what uses its capacity.</summary>
    Task<IReadOnlyList<HeldTicket>> HeldByAgentAsync(string tenantId, string agentId);

    /// <summary>
    /// Tickets whose running SLA deadline is at or before <paramref name="until"/>, in (deadline, id) order, starting
    /// after <paramref name="after"/> (from the start when null).
    /// </summary>
    Task<IReadOnlyList<SlaDue>> SlaDueAsync(string tenantId, DateTimeOffset until, SlaDue? after, int limit);

    /// <summary>Tickets whose unacknowledged claim was due at or before <paramref name="until"/>, by id after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<Guid>> ClaimsDueAsync(string tenantId, DateTimeOffset until, Guid after, int limit);
}
