using System.Reflection;
using TicketGrains.Abstractions.Errors;
using TicketGrains.Api.Channels.Inbound;

namespace TicketGrains.Api.Channels.Web;

/// <summary>
/// The widget's script (/web/widget.js) and the hosted web form (/web/form/{channel id}), served by the product from
/// resources inside the API assembly: no CDN, nothing built at run time. The form page loads only this server's script
/// and talks only to this server (its Content-Security-Policy), and may be framed by the channel's allowed sites.
/// </summary>
public static class WebAssets
{
    public const string ScriptPath = "/web/widget.js";
    public const string FormPath = "/web/form/{id:guid}";

    private static readonly Lazy<byte[]> Script = new(() => Resource("widget.js"));
    private static readonly Lazy<string> Form = new(() => System.Text.Encoding.UTF8.GetString(Resource("form.html")));

    public static IEndpointRouteBuilder MapWebAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(ScriptPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Bytes(Script.Value, "text/javascript; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(FormPath, async (Guid id, HttpContext context, IChannelDirectory directory) =>
        {
            var channel = await directory.FindAsync(id, context.RequestAborted);
            if (channel is not { Type: WebChannelAdapter.ChannelType })
            {
                throw new NotFoundException($"No web channel '{id}'.");
            }

            var framers = string.Join(' ', WebOrigins.Parse(channel.Settings.GetValueOrDefault(WebSettings.AllowedOrigins)));
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; " +
                $"frame-ancestors 'self' {framers}".TrimEnd();
            return TypedResults.Content(Form.Value.Replace("{{channel}}", id.ToString("D"), StringComparison.Ordinal), "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TicketGrains.Web." + name)
            ?? throw new InvalidOperationException($"The web channel's {name} is missing from the API assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
