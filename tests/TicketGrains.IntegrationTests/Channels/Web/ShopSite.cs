using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TicketGrains.IntegrationTests.Channels.Web;

/// <summary>
/// A shop's own site on another origin than the product: a page that embeds the widget with the one script tag the
/// channel's documentation gives (/shop/{channel id}).
/// </summary>
public sealed class ShopSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ShopSite(WebApplication app) => _app = app;

    /// <summary>This site's origin (http://127.0.0.1:port), to list in the channel's allowedOrigins.</summary>
    public string Origin { get; private set; } = "";

    public static async Task<ShopSite> StartAsync(Uri product)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var script = new Uri(product, "/web/widget.js");
        app.MapGet("/shop/{channel:guid}", (Guid channel) => Results.Content(
            $"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1><script src="{script}" data-channel="{channel:D}" async></script></body></html>""",
            "text/html; charset=utf-8"));
        var site = new ShopSite(app);
        await app.StartAsync();
        site.Origin = app.Urls.Single().TrimEnd('/');
        return site;
    }

    public string PageFor(Guid channel) => $"{Origin}/shop/{channel:D}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
