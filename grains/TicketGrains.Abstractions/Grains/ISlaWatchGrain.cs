using Orleans.Concurrency;

namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One per tenant: a single durable reminder that sweeps the read model for SLA deadlines and unacknowledged claims,
/// so pending timers survive restarts without a reminder row per ticket.
/// </summary>
[Alias("TicketGrains.ISlaWatchGrain")]
public interface ISlaWatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes sure the tenant's sweep reminder exists. Interleaved: a ticket the sweep woke calls it (through
    /// SlaWatchRegistry, first time on a silo) while the sweep awaits that ticket, which would otherwise wait for itself.
    /// </summary>
    [Alias("EnsureStarted"), AlwaysInterleave]
    Task EnsureStartedAsync();

    /// <summary>
    /// Wakes every ticket whose SLA deadline falls before the next sweep (breaching those already due) and every ticket
    /// whose unacknowledged claim is due (returning it to its queue); returns how many.
    /// </summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
