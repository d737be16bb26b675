using Microsoft.Extensions.Options;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// Pulls every pull-type channel's accounts from their stored cursors every <see cref="ChannelOptions.CatchUpInterval"/>
/// with no signal token: messages whose signal was lost, or whose pull a crash cut short, are stored all the same.
/// </summary>
public sealed class PullCatchUp(
    ChannelAdapters adapters, IChannelDirectory directory, PullCursorStore cursors, InboundPulls pulls, IOptions<ChannelOptions> options,
    TimeProvider time, ILogger<PullCatchUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CatchUpInterval;
        if (interval == TimeSpan.Zero || adapters.PullTypes.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The catch-up pull of pull-type channels failed; it runs again in {Interval}", interval);
            }
        }
    }

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var type in adapters.PullTypes)
        {
            foreach (var channel in await directory.OfTypeAsync(type, cancellationToken))
            {
                foreach (var account in await cursors.AccountsAsync(channel.Tenant, channel.Id, cancellationToken))
                {
                    await pulls.PullAsync(channel, new PullSignal("", account), cancellationToken);
                }
            }
        }
    }
}
