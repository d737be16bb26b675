using System.Text;
using Microsoft.Extensions.Options;

namespace TicketGrains.Grains.Webhooks;

/// <summary>
/// Sends one signed delivery. Connections go only to addresses <see cref="NetworkGuard"/> accepts at connect time;
/// redirects are not followed (a 3xx counts as a failure); each attempt is cut at <see cref="WebhookOptions.Timeout"/>.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider time)
    {
        _time = time;
        var guard = new NetworkGuard(options.Value.AllowPrivateNetworks);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = guard.ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = options.Value.Timeout };
    }

    public async Task<DeliveryOutcome> SendAsync(string url, byte[] key, string messageId, string payload, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhookSigner.Sign(key, messageId, timestamp, payload));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return DeliveryOutcome.Answered((int)response.StatusCode, RetryAfter(response));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or RefusedAddressException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed(e is TaskCanceledException ? "timed out" : Innermost(e).Message);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow(),
        _ => null,
    };

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    public void Dispose() => _http.Dispose();
}
