using System.Collections.Concurrent;
using TicketGrains.Grains.Channels;

namespace TicketGrains.Api.Channels.Inbound;

/// <summary>
/// Pulls the messages a platform holds (WeCom sync_msg) after the signal's answer went out: page by page from the
/// channel's durable cursor, each page stored before the cursor moves past it. One pull per channel and account at a
/// time in this process; two front ends pulling at once store the same messages twice, which are repeats.
/// </summary>
public sealed class InboundPulls(ChannelAdapters adapters, IInboundAcceptor acceptor, PullCursorStore cursors, TimeProvider time, ILogger<InboundPulls> logger)
{
    private readonly ConcurrentDictionary<(Guid Channel, string Account), SemaphoreSlim> _gates = new();

    /// <summary>Starts the pulls in the background; the request that signalled them is answered meanwhile.</summary>
    public void Start(ChannelInfo channel, IReadOnlyList<PullSignal> signals)
    {
        foreach (var signal in signals)
        {
            _ = Task.Run(() => PullAsync(channel, signal, CancellationToken.None));
        }
    }

    /// <summary>Pulls until the platform has no more; failures are logged and left to the next signal or catch-up.</summary>
    public async Task PullAsync(ChannelInfo channel, PullSignal signal, CancellationToken cancellationToken)
    {
        if (adapters.PullerFor(channel.Type) is not { } puller)
        {
            return;
        }

        var gate = _gates.GetOrAdd((channel.Id, signal.Account), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var cursor = await cursors.ReadAsync(channel.Tenant, channel.Id, signal.Account, cancellationToken);
            for (var more = true; more;)
            {
                var page = await puller.PullAsync(channel, signal, cursor, cancellationToken);
                if (page.Messages.Count > 0)
                {
                    await acceptor.AcceptAsync(channel, page.Messages, cancellationToken);
                }

                if (page.NextCursor is { Length: > 0 } next && next != cursor)
                {
                    await cursors.SaveAsync(channel.Tenant, channel.Id, signal.Account, next, time.GetUtcNow(), cancellationToken);
                    cursor = next;
                }

                more = page.HasMore;
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Pulling messages of channel {Channel} ({Type}) failed; the next signal or catch-up pull resumes from the stored cursor",
                channel.Id, channel.Type);
        }
        finally
        {
            gate.Release();
        }
    }
}
