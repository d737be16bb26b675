namespace TicketGrains.Api.Security;

/// <summary>Headers that keep browsers from sniffing, framing, leaking referrers or caching API data.</summary>
public static class SecureHeaders
{
    public static IApplicationBuilder UseSecureHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, so they survive the exception handler clearing the response.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContentSecurityPolicy.Any())
            {
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            }

            if (context.Request.Path.StartsWithSegments("/api"))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
