using Scalar.AspNetCore;

namespace TicketGrains.Api.Docs;

/// <summary>
/// /docs: the Scalar API reference of /openapi/v1.json, with "try it" against this server. Its script and styles are
/// served from the Scalar.AspNetCore package itself, and a strict Content-Security-Policy keeps the browser from loading
/// anything from another host, so the page works offline and sends nothing elsewhere.
/// </summary>
public static class DocsPage
{
    public const string Route = "/docs";

    /// <summary>Only this server: scripts, styles, images and the requests "try it" sends.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IEndpointRouteBuilder MapDocsPage(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Route, options => options
                .WithTitle("TicketGrains API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                // Each of these would have the page reach another host: fonts from a CDN, usage reports, an AI chat.
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                // Links to the vendor's hosted tools (share, SDK generation, deploy), none of which work offline.
                .HideDeveloperTools()
                .AddPreferredSecuritySchemes(["bearer"]))
            .AllowAnonymous()
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return await next(context);
            });
        return app;
    }
}
