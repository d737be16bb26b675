using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace TicketGrains.Api.Infrastructure;

/// <summary>
/// How much a request may send: Kestrel's limits for every route of every process (front end, silo with or without
/// the API), and a smaller body limit for the routes whose bodies are a few short fields. Over a limit: 413.
/// </summary>
public static class RequestLimits
{
    /// <summary>Largest accepted request body; a ticket body is at most 20,000 characters (up to 6 bytes each as JSON escapes).</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    /// <summary>For bodies of a few short fields (status, assignee, queues, roles, API keys).</summary>
    public const long SmallBodyBytes = 16 * 1024;

    public const int MaxRequestHeadersBytes = 32 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
            k.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Limits this route's body to <see cref="SmallBodyBytes"/>.</summary>
    public static RouteHandlerBuilder WithSmallBody(this RouteHandlerBuilder route) => route.WithMetadata(new BodyLimit(SmallBodyBytes));

    /// <summary>Applies a route's own body limit before its handler reads the body (after routing chose the endpoint).</summary>
    public static IApplicationBuilder UseRouteBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        if (limit is not null && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    });

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
