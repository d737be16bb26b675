using Microsoft.Extensions.Options;
using TicketGrains.Grains.Metering;

namespace TicketGrains.Api.Metering;

/// <summary>
/// Every <see cref="MeteringOptions.QuotaRefreshInterval"/>: reads the usage of the tenants with quotas, replaces the
/// <see cref="QuotaGate"/>'s view of hard quotas reached, and records each soft quota reached (once per period,
/// whichever front end sees it first). A failed read keeps the previous view.
/// </summary>
public sealed class QuotaRefresher(
    PlannedUsageQuery query, UsagePlanStore plans, QuotaGate gate, TimeProvider time, IOptions<MeteringOptions> options, ILogger<QuotaRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QuotaRefreshInterval, time);
        try
        {
            do
            {
                await RefreshOrKeepAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RefreshOrKeepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RefreshAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not refresh the quota view; the previous one stays in force");
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var crossings = (await query.ReadAsync(now, cancellationToken))
            .SelectMany(t => QuotaCheck.Evaluate(t.Plan, t.UsedOf, now).Select(c => (t.Tenant, Crossing: c)))
            .ToList();
        gate.Replace(crossings.Where(c => c.Crossing.Hard));
        foreach (var (tenant, crossing) in crossings.Where(c => !c.Crossing.Hard))
        {
            if (await plans.WarnAsync(tenant, crossing, now, cancellationToken))
            {
                logger.LogInformation("Tenant {Tenant} reached its soft quota {Quota}: {Used} of {Limit}", tenant, crossing.Quota, crossing.Used, crossing.Limit);
            }
        }
    }
}
