using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Grains;

namespace TicketGrains.Api.Live;

/// <summary>
/// This front end's part of the live feed's audience: how many listeners each tenant has here, reported to
/// <see cref="ILiveFeedAudienceGrain"/> when a tenant gains its first listener (before the listener reads the log) or
/// loses its last, and renewed every third of a lease. Reports go one at a time, so they arrive in the order their
/// lists were taken and an older list never overwrites a newer one.
/// </summary>
public sealed class AudienceReporter(IClusterClient cluster, ILogger<AudienceReporter> logger) : BackgroundService
{
    private readonly string _frontEnd = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Dictionary<string, int> _listeners = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reporting = new(1, 1);
    private bool _reportedAny;

    // Until the audience has answered with its lease, renew as often as the shortest lease it may have.
    private TimeSpan _renewEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Counts a listener of <paramref name="tenant"/>; completes once the audience includes the tenant.</summary>
    public async Task<IAsyncDisposable> JoinAsync(string tenant, CancellationToken cancellationToken)
    {
        lock (_listeners)
        {
            _listeners[tenant] = _listeners.GetValueOrDefault(tenant) + 1;
        }

        try
        {
            await ReportAsync(cancellationToken);
        }
        catch
        {
            Leave(tenant);
            throw;
        }

        return new Listener(this, tenant);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_renewEvery, stoppingToken);
            await ReportQuietlyAsync(stoppingToken);
        }
    }

    private void Leave(string tenant)
    {
        lock (_listeners)
        {
            if (--_listeners[tenant] > 0)
            {
                return;
            }

            _listeners.Remove(tenant);
        }

        _ = ReportQuietlyAsync(CancellationToken.None);
    }

    private async Task ReportQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReportAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The next renewal tries again; until the lease runs out the last report stands.
            logger.LogDebug(e, "Could not report the live feed's listeners");
        }
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        await _reporting.WaitAsync(cancellationToken);
        try
        {
            string[] tenants;
            lock (_listeners)
            {
                tenants = [.. _listeners.Keys];
            }

            if (tenants.Length == 0 && !_reportedAny)
            {
                return;
            }

            var lease = await cluster.Reference<ILiveFeedAudienceGrain>(ILiveFeedAudienceGrain.Key).ReportAsync(_frontEnd, tenants);
            _reportedAny = tenants.Length > 0;
            _renewEvery = lease / 3;
        }
        finally
        {
            _reporting.Release();
        }
    }

    private sealed class Listener(AudienceReporter reporter, string tenant) : IAsyncDisposable
    {
        private int _left;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                reporter.Leave(tenant);
            }

            return ValueTask.CompletedTask;
        }
    }
}
