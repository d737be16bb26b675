using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Grains.Sla;

/// <summary>
/// Per silo: remembers which tenants' SLA sweep reminder is registered, so creating a ticket costs no extra grain call
/// after the first one per tenant. The ticket grain awaits it before it appends an event of a ticket with a running
/// deadline, so no deadline becomes durable, let alone acknowledged, without the durable reminder that will catch it.
/// </summary>
public sealed class SlaWatchRegistry(IGrainFactory grains, ILogger<SlaWatchRegistry> logger)
{
    private readonly ConcurrentDictionary<string, Task> _started = new(StringComparer.Ordinal);

    /// <summary>
    /// Completes once the tenant's sweep reminder is registered. Throws <see cref="StorageUnavailableException"/> (503,
    /// retry) when it could not be; only a success is remembered, so the next call tries again.
    /// </summary>
    public Task EnsureStartedAsync(string tenantId)
    {
        if (_started.TryGetValue(tenantId, out var task) && !task.IsFaulted)
        {
            return task;
        }

        var started = StartAsync(tenantId);
        _started[tenantId] = started;
        return started;
    }

    private async Task StartAsync(string tenantId)
    {
        try
        {
            await grains.Reference<ISlaWatchGrain>(tenantId).EnsureStartedAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not register the SLA sweep reminder of tenant {Tenant}; the change that needs it is refused", tenantId);
            throw new StorageUnavailableException("The tenant's SLA reminder could not be registered.");
        }
    }
}
