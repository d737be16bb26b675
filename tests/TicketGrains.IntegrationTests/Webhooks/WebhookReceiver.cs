using System.Net;
using TicketGrains.IntegrationTests.Infrastructure;

namespace TicketGrains.IntegrationTests.Webhooks;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 that records every webhook request (headers, body, what it answered) and answers
/// with the status code the test sets, so a test can take it "down" and bring it back.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Task _loop;
    private volatile int _answer = (int)HttpStatusCode.OK;

    public WebhookReceiver()
    {
        var port = FreePorts.Next();
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>The status code every request gets from now on.</summary>
    public HttpStatusCode Answer
    {
        set => _answer = (int)value;
    }

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
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

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var answer = _answer;
            lock (_received)
            {
                _received.Add(new ReceivedWebhook(context.Request.Headers["webhook-id"], context.Request.Headers["webhook-timestamp"],
                    context.Request.Headers["webhook-signature"], body, answer));
            }

            context.Response.StatusCode = answer;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
