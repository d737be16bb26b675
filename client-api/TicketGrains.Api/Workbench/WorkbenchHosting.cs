using Microsoft.Net.Http.Headers;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Grains.Hosting;

namespace TicketGrains.Api.Workbench;

/// <summary>
/// Serves the built agent workbench at /app (ADR 0021): the page and its two hashed assets, from the folder of
/// <see cref="WorkbenchOptions"/>, to anyone (the page holds no data; every call it makes carries the user's token).
/// </summary>
public static class WorkbenchHosting
{
    public const string Path = "/app";

    /// <summary>Only this server's script, styles and API; images and audio of attachments come as blobs the page fetched.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
        "img-src 'self' blob: data:; media-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddWorkbench(this IServiceCollection services)
    {
        services.AddValidatedOptions<WorkbenchOptions>(WorkbenchOptions.Section);
        return services;
    }

    public static IEndpointRouteBuilder MapWorkbench(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path + "/sign-in.json", WorkbenchSignIn.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(Path + "/{*file}", Serve).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(string? file, HttpContext context, Microsoft.Extensions.Options.IOptions<WorkbenchOptions> options, Security.AuthOptions auth)
    {
        // Routing matches /app and /app/ alike; the page's relative asset addresses need the slash.
        if (string.IsNullOrEmpty(file) && context.Request.Path.Value?.EndsWith('/') != true)
        {
            return TypedResults.Redirect(Path + "/");
        }

        var folder = options.Value.Folder;
        if (!File.Exists(System.IO.Path.Combine(folder, WorkbenchFiles.Page)))
        {
            return TypedResults.Problem($"The workbench is not built in {folder}: run deploy/local/workbench.sh, then build the API.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The workbench is not built.");
        }

        var found = WorkbenchFiles.Resolve(folder, file);
        if (found is null || !File.Exists(found.FullPath))
        {
            throw new NotFoundException($"No workbench file '{file}'.");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = WorkbenchSignIn.ContentSecurityPolicy(WorkbenchSignIn.Of(options.Value, auth));
        // The page names its assets with their content hash (?v=), so those never change under one address.
        headers.CacheControl = found.IsPage || !context.Request.Query.ContainsKey("v") ? "no-cache" : "public, max-age=31536000, immutable";
        var written = File.GetLastWriteTimeUtc(found.FullPath);
        var tag = new EntityTagHeaderValue($"\"{written.Ticks:x}-{new FileInfo(found.FullPath).Length:x}\"");
        return TypedResults.PhysicalFile(found.FullPath, found.ContentType, lastModified: written, entityTag: tag);
    }
}
