using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TicketGrains.IntegrationTests.Channels.WeChat;

/// <summary>
/// A local stand-in for WeChat's and WeCom's server API on a free loopback port (Kestrel), behaving as they document:
/// it issues access tokens for one account's credentials (<c>/cgi-bin/token</c> for an Official Account,
/// <c>/cgi-bin/gettoken</c> for a corp), answers a call with a wrong or expired token with its errcode, and answers
/// the API paths a test defines. Every request is recorded.
/// </summary>
public sealed class FakeWeChatPlatform : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PlatformRequest> _received = new();
    private readonly ConcurrentDictionary<string, Func<PlatformRequest, JsonObject>> _apis = new();
    private readonly ConcurrentDictionary<string, Func<PlatformRequest, PlatformFile?>> _files = new();
    private readonly string _id;
    private readonly string _secret;
    private int _issued;

    private FakeWeChatPlatform(WebApplication app, string id, string secret) => (_app, _id, _secret) = (app, id, secret);

    public string BaseUrl { get; private set; } = "";

    /// <summary>The access token issued last; calls with an earlier one are answered 42001 (expired).</summary>
    public string CurrentToken => $"ACCESS_TOKEN_{Volatile.Read(ref _issued)}";

    public IReadOnlyList<PlatformRequest> Received => [.. _received];

    public IReadOnlyList<PlatformRequest> ReceivedAt(string path) => [.. _received.Where(r => r.Path == path)];

    /// <summary>Starts a platform that knows one account: its AppID or CorpID and its secret.</summary>
    public static async Task<FakeWeChatPlatform> StartAsync(string id, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var platform = new FakeWeChatPlatform(builder.Build(), id, secret);
        platform._app.Run(platform.ServeAsync);
        await platform._app.StartAsync();
        platform.BaseUrl = platform._app.Urls.Single().TrimEnd('/');
        return platform;
    }

    /// <summary>Answers calls to <paramref name="path"/> that carry the current access token.</summary>
    public void On(string path, Func<PlatformRequest, JsonObject> answer) => _apis[path] = answer;

    /// <summary>
    /// Answers calls to <paramref name="path"/> that carry the current access token with a file (a media API), or, when
    /// <paramref name="answer"/> gives none, as <see cref="On"/> defined (an errcode).
    /// </summary>
    public void OnFile(string path, Func<PlatformRequest, PlatformFile?> answer) => _files[path] = answer;

    /// <summary>Issues a new token: the one callers hold expires.</summary>
    public void ExpireToken() => Interlocked.Increment(ref _issued);

    public static JsonObject Error(int code, string message) => new() { ["errcode"] = code, ["errmsg"] = message };

    private async Task ServeAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var body = HttpMethods.IsPost(context.Request.Method) ? await JsonNode.ParseAsync(context.Request.Body) as JsonObject : null;
        var request = new PlatformRequest(context.Request.Method, context.Request.Path, query, body);
        _received.Enqueue(request);
        if (_files.TryGetValue(request.Path, out var files) && query.GetValueOrDefault("access_token") == CurrentToken && files(request) is { } file)
        {
            context.Response.ContentType = file.ContentType;
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.FileName}\"";
            await context.Response.Body.WriteAsync(file.Content);
            return;
        }

        await context.Response.WriteAsJsonAsync(Answer(request));
    }

    private JsonObject Answer(PlatformRequest request)
    {
        var query = request.Query;
        switch (request.Path)
        {
            case "/cgi-bin/token" when query.GetValueOrDefault("grant_type") == "client_credential":
                return Issue(query.GetValueOrDefault("appid"), query.GetValueOrDefault("secret"));
            case "/cgi-bin/gettoken":
                return Issue(query.GetValueOrDefault("corpid"), query.GetValueOrDefault("corpsecret"));
        }

        if (!_apis.TryGetValue(request.Path, out var api))
        {
            return Error(404, "unknown path");
        }

        var token = query.GetValueOrDefault("access_token");
        return token == CurrentToken ? api(request)
            : token is not null && token.StartsWith("ACCESS_TOKEN_", StringComparison.Ordinal) ? Error(42001, "access_token expired")
            : Error(40014, "invalid access_token");
    }

    private JsonObject Issue(string? id, string? secret)
    {
        if (id != _id || secret != _secret)
        {
            return Error(40001, "invalid credential");
        }

        Interlocked.Increment(ref _issued);
        return new JsonObject { ["access_token"] = CurrentToken, ["expires_in"] = 7200 };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
