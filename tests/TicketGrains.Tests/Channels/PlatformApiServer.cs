using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketGrains.Tests.Channels;

/// <summary>
/// A platform's API played by a real Kestrel server on a free loopback port: it records every request (method, path,
/// query, headers, body) and answers what the test decides for it.
/// </summary>
public sealed class PlatformApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private PlatformApiServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<PlatformApiServer> StartAsync(Func<RecordedRequest, PlatformReply> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new PlatformApiServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.Query.ToDictionary(p => p.Key, p => p.Value.ToString()),
                context.Request.Headers.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync());
            server._requests.Enqueue(recorded);
            var reply = answer(recorded);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            await context.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string Body);

public sealed record PlatformReply(int Status, string Body, string ContentType = "application/json")
{
    public static PlatformReply Json(string body) => new(200, body);
}
