using Microsoft.Extensions.Options;
using Orleans.Streams;
using TicketGrains.Abstractions;
using TicketGrains.Abstractions.Contracts;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Infrastructure;
using TicketGrains.Api.Security;
using TicketGrains.Grains.Live;

namespace TicketGrains.Api.Live;

/// <summary>
/// GET /api/v1/events: the tenant's ticket changes, and its surges for callers who may read them (reports:export, as
/// GET /api/v1/surges), as server-sent events. Live changes come from the tenant's Orleans
/// stream; what a reconnecting client missed (after its Last-Event-ID), and anything lost on the way, from the log.
/// </summary>
public static class EventsFeedApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    public static IServiceCollection AddLiveFeed(this IServiceCollection services)
    {
        services.AddOptions<LiveFeedOptions>().BindConfiguration(LiveFeedOptions.Section)
            .Validate(o => o.IsValid(), $"{LiveFeedOptions.Section} settings out of range").ValidateOnStart();
        services.AddSingleton<AudienceReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<AudienceReporter>());
        return services;
    }

    public static IEndpointRouteBuilder MapEventsFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", StreamAsync).WithTags("Live").WithName("TicketEventFeed")
            .WithSummary("Server-sent events (event: ticket.changed) for every committed ticket change of the tenant, and " +
                "surge.detected / surge.ended for callers with reports:export; send Last-Event-ID to resume after the last event received.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").RequirePermission(Permissions.TicketsRead);
        return app;
    }

    private static async Task StreamAsync(HttpContext context, IClusterClient cluster, TicketChangeLog log, ApiKeyStore keys,
        AudienceReporter audience, IOptions<LiveFeedOptions> settings, TimeProvider time, ILogger<FeedSession> logger)
    {
        var tenant = Tenant.Of(context);
        var abort = context.RequestAborted;
        var options = settings.Value;
        var resumeAfter = ResumeKey(context.Request);
        await using var credential = CredentialLifetime.Watch(context, keys, options, time);

        // Subscribed before the log is read, so nothing committed meanwhile falls between the two.
        var buffer = new FeedBuffer(options.BufferedChanges);
        var stream = cluster.GetStreamProvider(LiveFeed.ProviderName).GetStream<TicketChangeBatch>(StreamId.Create(LiveFeed.Namespace, tenant));
        var subscription = await GrainRetry.Idempotent(() => stream.SubscribeAsync(
            (batch, _) =>
            {
                buffer.Offer(batch);
                return Task.CompletedTask;
            },
            _ =>
            {
                buffer.Complete();
                return Task.CompletedTask;
            }), abort);

        try
        {
            // Counted before the log is read: the feed publishes the tenant's changes from the first page read after this.
            await using var listener = await GrainRetry.Idempotent(() => audience.JoinAsync(tenant, abort), abort);
            var head = await log.HeadAsync(tenant, abort);
            if (resumeAfter > head)
            {
                throw new InvalidFieldException(LastEventIdHeader, "The Last-Event-ID is not an event of this feed.");
            }

            var start = resumeAfter ?? head;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            // The start's id lets a client that saw no event yet resume from the moment it connected.
            await context.Response.WriteAsync($": connected\nid: {start}\n\n", abort);
            await context.Response.Body.FlushAsync(abort);
            using var end = CancellationTokenSource.CreateLinkedTokenSource(abort, credential.Ended);
            var allowed = new FeedAudience(Permissions.Has(context.User, Permissions.PiiRead), Permissions.Has(context.User, Permissions.ReportsExport));
            var session = new FeedSession(context.Response, tenant, allowed, log, buffer, new FeedSequencer(start), options);
            await RunAsync(session, context.Response, credential, logger, end.Token);
        }
        finally
        {
            await subscription.UnsubscribeAsync();
        }
    }

    private static async Task RunAsync(FeedSession session, HttpResponse response, CredentialLifetime credential, ILogger logger, CancellationToken end)
    {
        try
        {
            await session.RunAsync(end);
        }
        catch (OperationCanceledException) when (credential.Ended.IsCancellationRequested && !response.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Said in the stream, so a client knows to get a new credential rather than reconnect with this one.
            await response.WriteAsync($"event: feed.closed\ndata: {{\"reason\":\"{credential.Reason}\"}}\n\n", response.HttpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (response.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: the normal end of a feed.
        }
        catch (StorageUnavailableException e)
        {
            // Headers are sent, so no 503 can follow: end the stream; the client resumes with its Last-Event-ID.
            logger.LogWarning("Live feed ended: {Message}", e.Message);
        }
    }

    /// <summary>The log key sent as Last-Event-ID, or null when the client sends none.</summary>
    private static LogKey? ResumeKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(LastEventIdHeader, out var values))
        {
            return null;
        }

        return values.Count == 1 && LogKey.TryParse(values[0], out var key)
            ? key
            : throw new InvalidFieldException(LastEventIdHeader, "The Last-Event-ID must be the id of an event this feed sent.");
    }
}
