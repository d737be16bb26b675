using System.Text.Json;
using System.Threading.Channels;
using Orleans.Streams;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Privacy;
using TicketGrains.Api.Security;

namespace TicketGrains.Api.Live;

/// <summary>GET /api/v1/events: the tenant's ticket changes as server-sent events, fed by an Orleans stream.</summary>
public static class EventsFeedApi
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", StreamAsync).WithTags("Live").WithName("TicketEventFeed")
            .WithSummary("Server-sent events (event: ticket.changed) for every committed ticket change of the tenant.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").RequirePermission(Permissions.TicketsRead);
        return app;
    }

    private static async Task StreamAsync(HttpContext context, IClusterClient cluster)
    {
        var tenant = Tenant.Of(context);
        var abort = context.RequestAborted;
        // Bounded so a slow browser cannot make the server buffer without limit; it just misses items.
        var buffer = Channel.CreateBounded<TicketChange>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        var stream = cluster.GetStreamProvider(LiveFeed.ProviderName).GetStream<TicketChangeBatch>(StreamId.Create(LiveFeed.Namespace, tenant));
        var subscription = await GrainRetry.Idempotent(() => stream.SubscribeAsync((batch, _) =>
        {
            foreach (var change in batch.Changes)
            {
                buffer.Writer.TryWrite(change);
            }

            return Task.CompletedTask;
        }), abort);

        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync(": connected\n\n", abort);
            await context.Response.Body.FlushAsync(abort);
            await PumpAsync(context.Response, buffer.Reader, Permissions.Has(context.User, Permissions.PiiRead), abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The client went away: the normal end of a feed.
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private static async Task PumpAsync(HttpResponse response, ChannelReader<TicketChange> changes, bool unmasked, CancellationToken abort)
    {
        while (!abort.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(abort);
            wait.CancelAfter(Heartbeat);
            try
            {
                await changes.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!abort.IsCancellationRequested)
            {
                await response.WriteAsync(": heartbeat\n\n", abort);
                await response.Body.FlushAsync(abort);
                continue;
            }

            while (changes.TryRead(out var change))
            {
                // The same projection as every response: masked unless the subscriber has pii:read.
                var json = JsonSerializer.Serialize(unmasked ? change : PersonalDataProjection.Mask(change), JsonBody.Options);
                await response.WriteAsync($"id: {change.TicketId}:{change.Version}\nevent: ticket.changed\ndata: {json}\n\n", abort);
            }

            await response.Body.FlushAsync(abort);
        }
    }
}
