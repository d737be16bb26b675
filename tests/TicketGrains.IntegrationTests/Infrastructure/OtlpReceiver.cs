using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in OpenTelemetry collector on 127.0.0.1 for OTLP over HTTP (protobuf): it keeps every export it receives by
/// path (/v1/metrics, /v1/traces, /v1/logs) and answers each with an empty, successful export response.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private readonly Task _serving;

    public OtlpReceiver()
    {
        Address = new Uri($"http://127.0.0.1:{FreePorts.Next()}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    /// <summary>Whether an export to the path carried the text (names such as a meter's or an activity source's are plain UTF-8 in protobuf).</summary>
    public bool Received(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
