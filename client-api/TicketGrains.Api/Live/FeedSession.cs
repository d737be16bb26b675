using System.Text.Json;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Grains.Live;

namespace TicketGrains.Api.Live;

/// <summary>
/// Writes one listener's feed: what it missed from the log, then the live batches, switching back to the log whenever
/// a batch shows that something was lost on the way or the listener fell too far behind. Every change is written once,
/// in log order, with its log key as the SSE id. Surge events go only to a listener who may read surges; for others
/// they are passed over in place, so the sequence stays whole. It ends when the buffer is complete (the live
/// subscription failed): the client then resumes with its Last-Event-ID.
/// </summary>
internal sealed class FeedSession(HttpResponse response, string tenant, FeedAudience audience, TicketChangeLog log, FeedBuffer buffer,
    FeedSequencer sequencer, LiveFeedOptions options)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var open = true;
        while (open)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(options.Heartbeat);
            try
            {
                open = await buffer.WaitAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await response.WriteAsync(": heartbeat\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                continue;
            }

            while (buffer.TryTake(out var batch))
            {
                if (batch is null || !sequencer.Follows(batch))
                {
                    await CatchUpAsync(cancellationToken);
                }

                foreach (var change in batch?.Changes ?? [])
                {
                    await WriteAsync(change, cancellationToken);
                }
            }

            await response.Body.FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the tenant's changes after the last one sent, page by page, up to the log's safe end.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await log.ReadAfterAsync(tenant, sequencer.Sent, options.CatchUpPage, cancellationToken);
            foreach (var change in page)
            {
                await WriteAsync(change, cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
            if (page.Count < options.CatchUpPage)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(ILoggedFeedEvent logged, CancellationToken cancellationToken)
    {
        if (!sequencer.IsNew(logged))
        {
            return;
        }

        switch (logged)
        {
            case LoggedTicketChange ticket:
                // The same projection as every response: masked unless the listener has pii:read.
                var change = audience.Unmasked ? ticket.Change : PersonalDataProjection.Mask(ticket.Change);
                var json = JsonSerializer.Serialize(change, change.GetType(), JsonBody.Options);
                await response.WriteAsync($"id: {logged.Key}\nevent: ticket.changed\ndata: {json}\n\n", cancellationToken);
                break;
            case LoggedSurgeChange surge when audience.Surges:
                await response.WriteAsync($"id: {logged.Key}\nevent: {surge.Change.EventType}\ndata: {surge.Change.Details}\n\n", cancellationToken);
                break;
        }

        sequencer.MarkSent(logged.Key);
    }
}

/// <summary>What one listener may see beyond ticket changes: personal data unmasked (pii:read), surges (reports:export).</summary>
internal readonly record struct FeedAudience(bool Unmasked, bool Surges);
