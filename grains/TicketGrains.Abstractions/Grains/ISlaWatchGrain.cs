namespace TicketGrains.Abstractions.Grains;

/// <summary>
/// One per tenant: a single durable reminder that sweeps the read model for SLA deadlines, so pending
/// timers survive restarts without a reminder row per ticket.
/// </summary>
[Alias("TicketGrains.ISlaWatchGrain")]
public interface ISlaWatchGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the tenant's sweep reminder exists.</summary>
    [Alias("EnsureStarted")]
    Task EnsureStartedAsync();

    /// <summary>Checks every ticket whose deadline has passed; returns how many were checked.</summary>
    /// <summary>Wakes every ticket whose deadline falls before the next sweep (breaching those already due); returns how many.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
