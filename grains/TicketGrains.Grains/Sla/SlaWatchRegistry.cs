using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// Per silo: remembers which tenants' SLA sweep was already ensured, so creating a ticket costs no
/// extra grain call after the first one per tenant. Callers await it before acknowledging a ticket
/// with a deadline, so an acknowledged deadline always has a durable reminder behind it.
/// </summary>
public sealed class SlaWatchRegistry(IGrainFactory grains, ILogger<SlaWatchRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Task<bool>> _started = new(StringComparer.Ordinal);

    /// <summary>Completes once the tenant's sweep reminder is registered; false when that failed (the next call retries).</summary>
    public Task<bool> EnsureStartedAsync(string tenantId)
    {
        if (_started.TryGetValue(tenantId, out var task) && !(task.IsCompleted && !task.Result))
        {
            return task;
        }

        var started = StartAsync(tenantId);
        _started[tenantId] = started;
        return started;
    }

    private async Task<bool> StartAsync(string tenantId)
    {
        try
        {
            await grains.Reference<ISlaWatchGrain>(tenantId).EnsureStartedAsync();
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not start the SLA sweep of tenant {Tenant}; the next change retries", tenantId);
            return false;
        }
    }
}
