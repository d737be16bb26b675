using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Grains;

/// <summary>
/// Per silo: remembers which tenants' SLA sweep was already ensured, so creating a ticket costs no
/// extra grain call after the first one per tenant.
/// </summary>
public sealed class SlaWatchRegistry(IGrainFactory grains, ILogger<SlaWatchRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Task> _started = new(StringComparer.Ordinal);

    public void EnsureStarted(string tenantId)
    {
        if (_started.TryGetValue(tenantId, out var task) && !task.IsFaulted)
        {
            return;
        }

        _started[tenantId] = StartAsync(tenantId);
    }

    private async Task StartAsync(string tenantId)
    {
        try
        {
            await grains.GetGrain<ISlaWatchGrain>(tenantId).EnsureStartedAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not start the SLA sweep of tenant {Tenant}; will retry", tenantId);
            throw;
        }
    }
}
